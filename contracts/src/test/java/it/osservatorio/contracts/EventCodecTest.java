package it.osservatorio.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.contracts.registry.OrganisationChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec("registry-service");

    @Test
    void shouldWriteCloudEventsBinaryHeadersWhenEncodingStateEvent() {
        OrganisationChanged event = EventFixture.organisationChanged().build();

        ProducerRecord<String, byte[]> record = codec.toRecord(codec.envelope(event));

        assertThat(record.topic()).isEqualTo(Topics.ORGANISATIONS);
        assertThat(record.key()).isEqualTo(event.organisationId());
        assertThat(header(record, "ce_type")).isEqualTo("it.osservatorio.registry.organisation.changed.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/osservatorio/registry-service");
        assertThat(header(record, "ce_subject")).isEqualTo(event.organisationId());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_aggregateversion")).isEqualTo(String.valueOf(event.version()));
    }

    @Test
    void shouldReadBackTheSameEventWhenRoundTripping() {
        OrganisationChanged event =
                EventFixture.organisationChanged().version(7).build();
        ProducerRecord<String, byte[]> record = codec.toRecord(codec.envelope(event));

        ReceivedEvent received = codec.read(record.key(), record.headers(), record.value());

        assertThat(received.type()).isEqualTo(EventType.ORGANISATION_CHANGED);
        assertThat(received.aggregateVersion()).isEqualTo(7);
        assertThat(received.payloadAs(OrganisationChanged.class)).isEqualTo(event);
    }

    @Test
    void shouldProduceNullValueWithHeadersWhenEncodingTombstone() {
        EventEnvelope tombstone = codec.tombstone(EventType.ORGANISATION_DELETED, "org-1", 3, Instant.now());

        ProducerRecord<String, byte[]> record = codec.toRecord(tombstone);
        ReceivedEvent received = codec.read(record.key(), record.headers(), record.value());

        assertThat(record.value()).isNull();
        assertThat(received.isTombstone()).isTrue();
        assertThat(received.subject()).isEqualTo("org-1");
        assertThat(received.aggregateVersion()).isEqualTo(3);
    }

    @Test
    void shouldRejectRecordWhenTypeIsUnknown() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", "1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/x".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "com.example.unknown".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.read("k", headers, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("Unknown event type 'com.example.unknown'");
    }

    @Test
    void shouldKeepPayloadAsSentWhenReadingVerbatim() {
        OrganisationChanged event =
                EventFixture.organisationChanged().version(4).build();
        ProducerRecord<String, byte[]> record = codec.toRecord(codec.envelope(event));

        VerbatimEvent received = codec.readVerbatim(record.key(), record.headers(), record.value());

        assertThat(received.type()).isEqualTo(EventType.ORGANISATION_CHANGED);
        assertThat(received.subject()).isEqualTo(event.organisationId());
        assertThat(received.aggregateVersion()).isEqualTo(4);
        assertThat(received.time()).isNotNull();
        assertThat(received.payloadJson()).isEqualTo(record.value());
        assertThat(EventCodec.fromJson(received.payloadJson(), OrganisationChanged.class))
                .isEqualTo(event);
    }

    @Test
    void shouldReadTombstoneWithoutPayloadWhenReadingVerbatim() {
        ProducerRecord<String, byte[]> record =
                codec.toRecord(codec.tombstone(EventType.ORGANISATION_DELETED, "org-9", 2, Instant.now()));

        VerbatimEvent received = codec.readVerbatim(record.key(), record.headers(), record.value());

        assertThat(received.isTombstone()).isTrue();
        assertThat(received.aggregateVersion()).isEqualTo(2);
    }

    @Test
    void shouldRejectVerbatimRecordWhenPayloadIsNotOneJsonObject() {
        ProducerRecord<String, byte[]> record =
                codec.toRecord(codec.envelope(EventFixture.organisationChanged().build()));

        for (String payload : new String[] {"[1,2]", "{\"a\":1} {\"b\":2}", "{\"a\":", "not json"}) {
            assertThatThrownBy(() -> codec.readVerbatim(
                            record.key(), record.headers(), payload.getBytes(StandardCharsets.UTF_8)))
                    .as(payload)
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining("Payload of ORGANISATION_CHANGED");
        }
    }

    @Test
    void shouldRejectVerbatimRecordWhenKeyDiffersFromSubject() {
        ProducerRecord<String, byte[]> record =
                codec.toRecord(codec.envelope(EventFixture.organisationChanged().build()));

        assertThatThrownBy(() -> codec.readVerbatim("another-key", record.headers(), record.value()))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("differs from the event subject");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
