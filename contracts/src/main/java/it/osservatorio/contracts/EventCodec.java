package it.osservatorio.contracts;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one codec for every event: JSON payload, CloudEvents attributes in binary mode as Kafka headers ({@code ce_id},
 * {@code ce_source}, {@code ce_type}, {@code ce_time}, {@code ce_subject}, {@code ce_specversion},
 * {@code content-type}) written and read by the CloudEvents Java SDK, plus the extension
 * {@value #VERSION_EXTENSION} carrying the aggregate version, so that a tombstone has a version too.
 */
public final class EventCodec {

    public static final String VERSION_EXTENSION = "aggregateversion";
    public static final String CONTENT_TYPE = "application/json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final URI source;

    /** @param serviceName the publishing service, e.g. {@code registry-service}; becomes the CloudEvents source. */
    public EventCodec(String serviceName) {
        this.source = URI.create("/osservatorio/" + serviceName);
    }

    public URI source() {
        return source;
    }

    public static JsonMapper json() {
        return JSON;
    }

    /** Wraps a state event (or another event about one aggregate) with a fresh id and the current time. */
    public EventEnvelope envelope(AggregateEvent event) {
        return envelope(event, Instant.now());
    }

    public EventEnvelope envelope(AggregateEvent event, Instant time) {
        EventType type = EventType.of(event);
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                type,
                event.aggregateId(),
                event.version(),
                time,
                new String(toJson(event), StandardCharsets.UTF_8));
    }

    /** A tombstone deleting an aggregate from a compacted topic. */
    public EventEnvelope tombstone(EventType type, String aggregateId, long version, Instant time) {
        if (!type.isTombstone()) {
            throw new IllegalArgumentException(type + " is not a tombstone type");
        }
        return new EventEnvelope(UUID.randomUUID().toString(), type, aggregateId, version, time, null);
    }

    public ProducerRecord<String, byte[]> toRecord(EventEnvelope envelope) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(source)
                .withType(envelope.type().ceType())
                .withSubject(envelope.subject())
                .withTime(OffsetDateTime.ofInstant(envelope.time(), ZoneOffset.UTC))
                .withExtension(VERSION_EXTENSION, envelope.aggregateVersion());
        if (!envelope.isTombstone()) {
            builder.withDataContentType(CONTENT_TYPE).withData(envelope.payloadBytes());
        }
        return KafkaMessageFactory.createWriter(envelope.topic(), envelope.subject())
                .writeBinary(builder.build());
    }

    /** Reads a record as consumed by a plain Kafka consumer. */
    public ReceivedEvent read(String key, Headers headers, byte[] value) {
        return toReceived(key, cloudEvent(headers, value));
    }

    /**
     * Reads a record for a consumer that forwards events without looking into them (the gateway's live stream): the
     * attributes are checked as by {@link #read(String, Headers, byte[])}, the payload only for being one JSON object,
     * and kept as the bytes it was sent as instead of being bound to its record type.
     */
    public VerbatimEvent readVerbatim(String key, Headers headers, byte[] value) {
        CloudEvent event = cloudEvent(headers, value);
        Attributes attributes = attributes(key, event);
        byte[] payload = null;
        if (!attributes.type().isTombstone()) {
            if (event.getData() == null) {
                throw new EventDecodingException(
                        "Event " + event.getId() + " of type " + attributes.type() + " has no payload");
            }
            payload = event.getData().toBytes();
            requireOneJsonObject(payload, attributes.type());
        }
        return new VerbatimEvent(
                event.getId(),
                event.getSource(),
                attributes.type(),
                event.getSubject(),
                attributes.time(),
                attributes.aggregateVersion(),
                payload);
    }

    private static CloudEvent cloudEvent(Headers headers, byte[] value) {
        try {
            MessageReader reader = KafkaMessageFactory.createReader(headers, value);
            return reader.toEvent();
        } catch (RuntimeException e) {
            throw new EventDecodingException("Not a CloudEvent in binary mode: " + e.getMessage(), e);
        }
    }

    private static void requireOneJsonObject(byte[] payload, EventType type) {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new EventDecodingException("Payload of " + type + " is not a JSON object");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new EventDecodingException("Payload of " + type + " has content after its JSON object");
            }
        } catch (JacksonException e) {
            throw new EventDecodingException("Payload of " + type + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a record as delivered by Spring messaging (e.g. the Spring Cloud Stream Kafka binder), where header values
     * arrive as {@code byte[]} or {@code String} and a tombstone's payload is not a byte array.
     */
    public ReceivedEvent read(String key, Map<String, ?> messageHeaders, Object payload) {
        RecordHeaders headers = new RecordHeaders();
        messageHeaders.forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals("content-type")) {
                if (value instanceof byte[] bytes) {
                    headers.add(name, bytes);
                } else if (value != null) {
                    headers.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        return read(key, headers, payload instanceof byte[] bytes ? bytes : null);
    }

    private ReceivedEvent toReceived(String key, CloudEvent event) {
        Attributes attributes = attributes(key, event);
        EventType type = attributes.type();
        Optional<IntegrationEvent> payload = Optional.empty();
        if (!type.isTombstone()) {
            if (event.getData() == null) {
                throw new EventDecodingException("Event " + event.getId() + " of type " + type + " has no payload");
            }
            payload = Optional.of(
                    fromJson(event.getData().toBytes(), type.payloadType().orElseThrow()));
        }
        return new ReceivedEvent(
                event.getId(),
                event.getSource(),
                type,
                event.getSubject(),
                attributes.time(),
                attributes.aggregateVersion(),
                payload);
    }

    private record Attributes(EventType type, Instant time, long aggregateVersion) {}

    private static Attributes attributes(String key, CloudEvent event) {
        EventType type = EventType.ofCeType(event.getType())
                .orElseThrow(() -> new EventDecodingException("Unknown event type '" + event.getType() + "'"));
        if (event.getSubject() == null || event.getSubject().isBlank()) {
            throw new EventDecodingException("Event " + event.getId() + " has no subject (ce_subject)");
        }
        if (key != null && !key.equals(event.getSubject())) {
            throw new EventDecodingException(
                    "Record key '" + key + "' differs from the event subject '" + event.getSubject() + "'");
        }
        Object version = event.getExtension(VERSION_EXTENSION);
        if (version == null) {
            throw new EventDecodingException(
                    "Event " + event.getId() + " has no " + VERSION_EXTENSION + " (ce_" + VERSION_EXTENSION + ")");
        }
        long aggregateVersion;
        try {
            aggregateVersion = Long.parseLong(version.toString());
        } catch (NumberFormatException e) {
            throw new EventDecodingException("Aggregate version '" + version + "' is not a number", e);
        }
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        return new Attributes(type, time, aggregateVersion);
    }

    public static byte[] toJson(Object event) {
        return JSON.writeValueAsBytes(event);
    }

    public static <T> T fromJson(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            throw new EventDecodingException(
                    "Payload is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
