package it.osservatorio.contracts;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** An event read from a topic, its CloudEvents attributes checked; the payload is empty for a tombstone. */
public record ReceivedEvent(
        String id,
        URI source,
        EventType type,
        String subject,
        Instant time,
        long aggregateVersion,
        Optional<IntegrationEvent> payload) {

    public boolean isTombstone() {
        return payload.isEmpty();
    }

    public <T extends IntegrationEvent> T payloadAs(Class<T> type) {
        return type.cast(payload.orElseThrow(() -> new IllegalStateException("Tombstone " + id + " has no payload")));
    }
}
