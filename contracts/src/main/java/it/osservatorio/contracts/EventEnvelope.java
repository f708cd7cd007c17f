package it.osservatorio.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * An event ready to be published: CloudEvents attributes plus the JSON payload ({@code null} for a tombstone). This
 * is the form a service keeps in its outbox until the broker acknowledges the record.
 */
public record EventEnvelope(
        String id, EventType type, String subject, long aggregateVersion, Instant time, String jsonPayload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        if (type.isTombstone() != (jsonPayload == null)) {
            throw new IllegalArgumentException("A tombstone has no payload and every other event has one: " + type);
        }
    }

    public String topic() {
        return type.topic();
    }

    public boolean isTombstone() {
        return jsonPayload == null;
    }

    byte[] payloadBytes() {
        return jsonPayload == null ? null : jsonPayload.getBytes(StandardCharsets.UTF_8);
    }
}
