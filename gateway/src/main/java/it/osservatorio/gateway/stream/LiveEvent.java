package it.osservatorio.gateway.stream;

import java.nio.charset.StandardCharsets;

/**
 * One platform event as the live stream sends it.
 *
 * @param id the SSE id: the gateway's whole read position once this event is included
 * @param name the SSE event name: the CloudEvents type
 * @param data the JSON line: id, type, source, subject, time, version, payload (null when deleted)
 * @param derived what is computed from the event at most once, however many clients receive it
 */
public record LiveEvent(
        String topic, int partition, long offset, String id, String name, String data, Derived derived) {

    public LiveEvent(String topic, int partition, long offset, String id, String name, String data) {
        this(topic, partition, offset, id, name, data, new Derived(id, name, data));
    }

    /** What the clients' filters look at, parsed from {@code data} the first time a filter asks. */
    public EventFacets facets() {
        return derived.facets();
    }

    /** The whole SSE frame for a client whose position after this event is {@link #id()}, encoded once. */
    public byte[] frame() {
        return derived.frame();
    }

    /** An SSE frame: {@code id}, {@code event} and {@code data} lines and a blank line, in UTF-8. */
    public static byte[] frame(String id, String name, String data) {
        StringBuilder frame = new StringBuilder(data.length() + id.length() + name.length() + 24);
        frame.append("id:")
                .append(id)
                .append('\n')
                .append("event:")
                .append(name)
                .append('\n');
        for (String line : data.split("\n", -1)) {
            frame.append("data:").append(line).append('\n');
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Facets and frame computed once, on first use: unfiltered clients never pay for the facets, and the frame of
     * one event is encoded once for every live client instead of once per client.
     */
    public static final class Derived {
        private final String id;
        private final String name;
        private final String data;
        private volatile EventFacets facets;
        private volatile byte[] frame;

        Derived(String id, String name, String data) {
            this.id = id;
            this.name = name;
            this.data = data;
        }

        EventFacets facets() {
            EventFacets value = facets;
            if (value == null) {
                value = EventFacets.parse(name, data);
                facets = value;
            }
            return value;
        }

        byte[] frame() {
            byte[] value = frame;
            if (value == null) {
                value = LiveEvent.frame(id, name, data);
                frame = value;
            }
            return value;
        }
    }
}
