package it.osservatorio.platform.replica;

import static it.osservatorio.platform.replica.ReplicaFixture.CODEC;
import static it.osservatorio.platform.replica.ReplicaFixture.newId;
import static it.osservatorio.platform.replica.ReplicaFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.registry.OrganisationChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Records shaped as the Kafka binder hands them to a {@code Consumer<Message<?>>}. */
class StateTopicConsumerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VersionedReplica<OrganisationChanged> replica = ReplicaFixture.newReplica(meters);
    private final StateTopicConsumer consumer = new StateTopicConsumer(replica, CODEC, meters);

    @Test
    void shouldApplyEventWhenHeadersArriveAsBytes() {
        String id = newId();

        consumer.accept(asDelivered(CODEC.toRecord(CODEC.envelope(organisation(id, 1))), Header::value));

        assertThat(replica.find(id)).contains(organisation(id, 1));
    }

    @Test
    void shouldApplyEventWhenHeadersArriveAsStrings() {
        String id = newId();

        consumer.accept(asDelivered(
                CODEC.toRecord(CODEC.envelope(organisation(id, 1))),
                header -> new String(header.value(), StandardCharsets.UTF_8)));

        assertThat(replica.find(id)).isPresent();
    }

    @Test
    void shouldDeleteEntityWhenTombstoneArrivesAsKafkaNull() {
        String id = newId();
        consumer.accept(asDelivered(CODEC.toRecord(CODEC.envelope(organisation(id, 1))), Header::value));

        consumer.accept(asDelivered(
                CODEC.toRecord(CODEC.tombstone(EventType.ORGANISATION_DELETED, id, 2, Instant.now())), Header::value));

        assertThat(replica.find(id)).isEmpty();
        assertThat(count("deleted")).isEqualTo(1);
    }

    @Test
    void shouldRejectAndCountRecordWhenEventTypeIsUnknown() {
        String id = newId();
        ProducerRecord<String, byte[]> record = CODEC.toRecord(CODEC.envelope(organisation(id, 1)));
        record.headers().remove("ce_type").add("ce_type", "com.example.unknown".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> consumer.accept(asDelivered(record, Header::value)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("com.example.unknown");

        assertThat(replica.find(id)).isEmpty();
        assertThat(count("rejected")).isEqualTo(1);
    }

    @Test
    void shouldRejectRecordWhenPayloadIsNotJson() {
        String id = newId();
        ProducerRecord<String, byte[]> valid = CODEC.toRecord(CODEC.envelope(organisation(id, 1)));
        ProducerRecord<String, byte[]> garbled = new ProducerRecord<>(
                valid.topic(),
                null,
                valid.key(),
                "{\"organisationId\": ".getBytes(StandardCharsets.UTF_8),
                valid.headers());

        assertThatThrownBy(() -> consumer.accept(asDelivered(garbled, Header::value)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("OrganisationChanged");
        assertThat(count("rejected")).isEqualTo(1);
    }

    private static Message<?> asDelivered(ProducerRecord<String, byte[]> record, Function<Header, Object> value) {
        MessageBuilder<?> message = record.value() == null
                ? MessageBuilder.withPayload(KafkaNull.INSTANCE)
                : MessageBuilder.withPayload(record.value());
        message.setHeader(KafkaHeaders.RECEIVED_KEY, record.key())
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, record.topic());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), value.apply(header));
        }
        return message.build();
    }

    private double count(String outcome) {
        return ReplicaFixture.outcomes(meters, replica, outcome);
    }
}
