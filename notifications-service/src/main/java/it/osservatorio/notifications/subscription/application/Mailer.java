package it.osservatorio.notifications.subscription.application;

/** Sends one e-mail with a plain-text and an HTML part; throws when the mail server refuses it. */
public interface Mailer {

    void send(MailMessage message);

    /** @param unsubscribeUrl the List-Unsubscribe link; null for a mail that is not a subscription's */
    record MailMessage(String to, String subject, String text, String html, String unsubscribeUrl) {}
}
