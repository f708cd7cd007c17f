package it.osservatorio.notifications.delivery.domain;

import java.time.Instant;

/**
 * One try to deliver: when, the HTTP status (0 when no response came), how long it took, the start of the response
 * body or the error.
 */
public record Attempt(Instant at, int status, long latencyMillis, String responseExcerpt, String error) {

    public static final int EXCERPT = 500;

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT);
    }
}
