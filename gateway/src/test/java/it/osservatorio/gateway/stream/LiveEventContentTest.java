package it.osservatorio.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.registry.OrganisationChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LiveEventContentTest {

    private final EventCodec registry = new EventCodec("registry-service");
    private final EventCodec gateway = new EventCodec("gateway");

    @Test
    void shouldForwardAttributesAndPayloadAsSentWhenRecordIsPlatformEvent() {
        OrganisationChanged event =
                EventFixture.organisationChanged().version(3).build();
        Instant time = Instant.parse("2026-12-02T10:15:30.120Z");
        ProducerRecord<String, byte[]> sent = registry.toRecord(registry.envelope(event, time));

        LiveEvent.Content content = LiveEvent.Content.of(gateway, consumed(sent));

        assertThat(content.name()).isEqualTo("it.osservatorio.registry.organisation.changed.v1");
        JsonNode data = EventCodec.json().readTree(content.data());
        assertThat(data.path("id").asString()).isEqualTo(header(sent, "ce_id"));
        assertThat(data.path("type").asString()).isEqualTo(content.name());
        assertThat(data.path("source").asString()).isEqualTo("/osservatorio/registry-service");
        assertThat(data.path("subject").asString()).isEqualTo(event.organisationId());
        assertThat(data.path("time").asString()).isEqualTo("2026-12-02T10:15:30.120Z");
        assertThat(data.path("version").asLong()).isEqualTo(3);
        assertThat(data.path("payload")).isEqualTo(EventCodec.json().readTree(sent.value()));
        assertThat(content.data()).doesNotContain("\n");
    }

    @Test
    void shouldSendNullPayloadWhenRecordIsTombstone() {
        ProducerRecord<String, byte[]> sent =
                registry.toRecord(registry.tombstone(EventType.ORGANISATION_DELETED, "org-7", 5, Instant.now()));

        LiveEvent.Content content = LiveEvent.Content.of(gateway, consumed(sent));

        JsonNode data = EventCodec.json().readTree(content.data());
        assertThat(data.path("payload").isNull()).isTrue();
        assertThat(data.path("version").asLong()).isEqualTo(5);
    }

    @Test
    void shouldRefuseRecordWhenPayloadIsNotJson() {
        ProducerRecord<String, byte[]> sent = registry.toRecord(
                registry.envelope(EventFixture.organisationChanged().build()));
        ConsumerRecord<String, byte[]> broken =
                new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), "<xml/>".getBytes(StandardCharsets.UTF_8));
        sent.headers().forEach(header -> broken.headers().add(header));

        assertThatThrownBy(() -> LiveEvent.Content.of(gateway, broken))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("not valid JSON");
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 42, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
