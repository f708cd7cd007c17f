package it.osservatorio.gateway.stream;

/**
 * One platform event as the live stream sends it.
 *
 * @param id the SSE id: the gateway's whole read position once this event is included
 * @param name the SSE event name: the CloudEvents type
 * @param data the JSON line: id, type, source, subject, time, version, payload (null when deleted)
 * @param facets what the clients' filters look at, read from {@code data} the first time a filter asks
 */
public record LiveEvent(
        String topic, int partition, long offset, String id, String name, String data, LazyFacets facets) {

    public LiveEvent(String topic, int partition, long offset, String id, String name, String data) {
        this(topic, partition, offset, id, name, data, new LazyFacets(name, data));
    }

    /**
     * Facets parsed once, on first use: unfiltered clients never pay for them, so the stream's hot path (read,
     * append, offer, send) is what it was without filters.
     */
    public static final class LazyFacets {
        private final String name;
        private final String data;
        private volatile EventFacets value;

        LazyFacets(String name, String data) {
            this.name = name;
            this.data = data;
        }

        public EventFacets get() {
            EventFacets facets = value;
            if (facets == null) {
                facets = EventFacets.parse(name, data);
                value = facets;
            }
            return facets;
        }
    }
}
