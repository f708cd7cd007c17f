package it.osservatorio.gateway.stream;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.VerbatimEvent;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JsonGenerator;

/**
 * One platform event as the live stream sends it.
 *
 * @param before the live log's read position just before this event; {@code null} for an event read outside the log
 *     (a resume gap read from Kafka)
 * @param after the live log's read position once this event is included; its encoding is the SSE id of every client
 *     in step with the log
 * @param advances whether the event moves the log's position (false for a record read again after a rebalance)
 * @param name the SSE event name: the CloudEvents type
 * @param data the JSON line: id, type, source, subject, time, version, payload (null when deleted)
 * @param derived what is computed from the event at most once, however many clients receive it
 */
public record LiveEvent(
        String topic,
        int partition,
        long offset,
        StreamPosition before,
        StreamPosition after,
        boolean advances,
        String name,
        String data,
        Derived derived) {

    /** An event outside the live log's order (a resume gap read from Kafka): every client encodes its own id. */
    public LiveEvent(String topic, int partition, long offset, String name, String data) {
        this(topic, partition, offset, null, null, true, name, data, new Derived(null, name, data));
    }

    LiveEvent(
            String topic,
            int partition,
            long offset,
            StreamPosition before,
            StreamPosition after,
            boolean advances,
            String name,
            String data) {
        this(topic, partition, offset, before, after, advances, name, data, new Derived(after, name, data));
    }

    /** The SSE name and data line of a record, the payload forwarded as it was sent. */
    public record Content(String name, String data) {

        /**
         * @throws it.osservatorio.contracts.EventDecodingException when the record is not a platform event
         */
        static Content of(EventCodec codec, ConsumerRecord<String, byte[]> record) {
            VerbatimEvent event = codec.readVerbatim(record.key(), record.headers(), record.value());
            return new Content(event.type().ceType(), data(event));
        }

        static String data(VerbatimEvent event) {
            StringWriter json = new StringWriter(256 + (event.payloadJson() == null ? 0 : event.payloadJson().length));
            try (JsonGenerator generator = EventCodec.json().createGenerator(json)) {
                generator.writeStartObject();
                generator.writeStringProperty("id", event.id());
                generator.writeStringProperty("type", event.type().ceType());
                generator.writeStringProperty("source", event.source().toString());
                generator.writeStringProperty("subject", event.subject());
                generator.writeStringProperty(
                        "time", event.time() == null ? null : event.time().toString());
                generator.writeNumberProperty("version", event.aggregateVersion());
                generator.writeName("payload");
                if (event.isTombstone()) {
                    generator.writeNull();
                } else {
                    generator.writeRawValue(new String(event.payloadJson(), StandardCharsets.UTF_8));
                }
                generator.writeEndObject();
            }
            return json.toString();
        }
    }

    /** The SSE id of a client in step with the live log; empty for an event read outside it. */
    public String id() {
        return derived.id();
    }

    /** What the clients' filters look at, parsed from {@code data} the first time a filter asks. */
    public EventFacets facets() {
        return derived.facets();
    }

    /** The whole SSE frame for a client whose position after this event is {@link #after()}, encoded once. */
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
     * Id, facets and frame computed once, on first use: without clients the gateway encodes nothing, unfiltered
     * clients never pay for the facets, and the frame of one event is encoded once for every client in step.
     */
    public static final class Derived {
        private final StreamPosition after;
        private final String name;
        private final String data;
        private volatile String id;
        private volatile EventFacets facets;
        private volatile byte[] frame;

        Derived(StreamPosition after, String name, String data) {
            this.after = after;
            this.name = name;
            this.data = data;
        }

        String id() {
            String value = id;
            if (value == null) {
                value = after == null ? "" : after.encode();
                id = value;
            }
            return value;
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
                value = LiveEvent.frame(id(), name, data);
                frame = value;
            }
            return value;
        }
    }
}
