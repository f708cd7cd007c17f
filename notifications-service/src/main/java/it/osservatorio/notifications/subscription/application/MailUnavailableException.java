package it.osservatorio.notifications.subscription.application;

/** The mail server refused or could not be reached: a 503 for the caller. */
public class MailUnavailableException extends RuntimeException {

    public MailUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
