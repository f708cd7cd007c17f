package it.osservatorio.notifications.subscription.domain;

public enum Channel {
    WEBHOOK,
    EMAIL
}
