package it.osservatorio.platform.outbox;

import it.osservatorio.contracts.EventEnvelope;
import it.osservatorio.contracts.EventType;
import java.time.Instant;

/**
 * An event waiting in its aggregate's document until the broker acknowledged it. Kept inside the aggregate so that
 * the state change and its event are one document write: no multi-document transaction is needed.
 */
public record PendingEvent(
        String eventId, String ceType, String subject, long aggregateVersion, Instant time, String payload) {

    public static final String FIELD = "pendingEvents";

    public static PendingEvent of(EventEnvelope envelope) {
        return new PendingEvent(
                envelope.id(),
                envelope.type().ceType(),
                envelope.subject(),
                envelope.aggregateVersion(),
                envelope.time(),
                envelope.jsonPayload());
    }

    public EventEnvelope toEnvelope() {
        EventType type = EventType.ofCeType(ceType)
                .orElseThrow(
                        () -> new IllegalStateException("Pending event " + eventId + " has unknown type " + ceType));
        return new EventEnvelope(eventId, type, subject, aggregateVersion, time, payload);
    }
}
