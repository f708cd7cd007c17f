package it.osservatorio.notifications.subscription.domain;

import java.time.Instant;

/** A Standard Webhooks secret ({@code whsec_} + base64 key); a rotated-out one signs until {@code expiresAt}. */
public record SigningSecret(String secret, Instant createdAt, Instant expiresAt) {

    public boolean validAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }
}
