package it.osservatorio.notifications.subscription.domain;

/** An e-mail per notice at once, or one e-mail a day listing the day's notices. */
public enum DigestMode {
    IMMEDIATE,
    DAILY
}
