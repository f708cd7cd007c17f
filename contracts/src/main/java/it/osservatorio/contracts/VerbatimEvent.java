package it.osservatorio.contracts;

import java.net.URI;
import java.time.Instant;

/**
 * An event read from a topic, its CloudEvents attributes checked, its payload kept as the JSON object it was sent as
 * ({@code null} for a tombstone): for consumers that forward events rather than act on them.
 */
public record VerbatimEvent(
        String id,
        URI source,
        EventType type,
        String subject,
        Instant time,
        long aggregateVersion,
        byte[] payloadJson) {

    public boolean isTombstone() {
        return payloadJson == null;
    }
}
