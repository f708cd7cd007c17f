package it.osservatorio.contracts;

/** A record that is not a valid event of this platform; the message says what is wrong with it. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
