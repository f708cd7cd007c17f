package it.osservatorio.notifications.delivery.domain;

public enum DeliveryStatus {
    /** Waiting for its next attempt (or, for a daily digest, for the digest). */
    PENDING,
    /** Claimed by a sender until its lease ends; a crash leaves it to be claimed again after that. */
    IN_FLIGHT,
    DELIVERED,
    /** Retries exhausted, the endpoint gone (410) or disabled. */
    FAILED
}
