package it.osservatorio.gateway.stream;

import it.osservatorio.contracts.Topics;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far a client has read every partition of every topic, encoded as its SSE event id, e.g. {@code 0.0.41_0.2.17}
 * (topic index in {@link Topics#ALL}, partition, offset). Offsets are Kafka's, so a position stays meaningful across
 * gateway restarts.
 */
public final class StreamPosition {

    private final TreeMap<String, Long> offsets;

    private StreamPosition(TreeMap<String, Long> offsets) {
        this.offsets = offsets;
    }

    public static StreamPosition empty() {
        return new StreamPosition(new TreeMap<>());
    }

    public static String key(String topic, int partition) {
        int index = Topics.ALL.indexOf(topic);
        if (index < 0) {
            throw new IllegalArgumentException("Not a platform topic: " + topic);
        }
        return index + "." + partition;
    }

    /** Parses a Last-Event-ID; empty when it is not one of ours (the client then starts live). */
    public static Optional<StreamPosition> parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return Optional.empty();
        }
        TreeMap<String, Long> offsets = new TreeMap<>();
        for (String part : lastEventId.trim().split("_")) {
            String[] fields = part.split("\\.");
            if (fields.length != 3) {
                return Optional.empty();
            }
            try {
                int topic = Integer.parseInt(fields[0]);
                int partition = Integer.parseInt(fields[1]);
                long offset = Long.parseLong(fields[2]);
                if (topic < 0 || topic >= Topics.ALL.size() || partition < 0 || offset < 0) {
                    return Optional.empty();
                }
                offsets.put(topic + "." + partition, offset);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamPosition(offsets));
    }

    public StreamPosition with(String topic, int partition, long offset) {
        TreeMap<String, Long> next = new TreeMap<>(offsets);
        next.merge(key(topic, partition), offset, Math::max);
        return new StreamPosition(next);
    }

    /** The last offset read on a partition, or -1 when none. */
    public long offset(String topic, int partition) {
        return offsets.getOrDefault(key(topic, partition), -1L);
    }

    public boolean covers(String topic, int partition) {
        return offsets.containsKey(key(topic, partition));
    }

    public Map<String, Long> asMap() {
        return Map.copyOf(offsets);
    }

    public String encode() {
        return offsets.entrySet().stream()
                .map(e -> e.getKey() + "." + e.getValue())
                .collect(Collectors.joining("_"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition position && offsets.equals(position.offsets);
    }

    @Override
    public int hashCode() {
        return offsets.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
