package it.osservatorio.notifications.subscription.domain;

/** The language of e-mails: Italian or English. */
public enum Language {
    IT,
    EN
}
