package it.osservatorio.gateway.stream;

/**
 * One platform event as the live stream sends it.
 *
 * @param id the SSE id: the gateway's whole read position once this event is included
 * @param name the SSE event name: the CloudEvents type
 * @param data the JSON line: id, type, source, subject, time, version, payload (null when deleted)
 * @param facets what the clients' filters look at
 */
public record LiveEvent(
        String topic, int partition, long offset, String id, String name, String data, EventFacets facets) {

    public LiveEvent(String topic, int partition, long offset, String id, String name, String data) {
        this(topic, partition, offset, id, name, data, EventFacets.NONE);
    }
}
