package it.osservatorio.platform.replica;

import static it.osservatorio.platform.replica.ReplicaFixture.CODEC;
import static it.osservatorio.platform.replica.ReplicaFixture.newId;
import static it.osservatorio.platform.replica.ReplicaFixture.organisation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.registry.OrganisationChanged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** Polls shaped as the Kafka binder hands them to a batch-mode {@code Consumer<Message<List<?>>>}. */
class StateTopicBatchConsumerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VersionedReplica<OrganisationChanged> replica = ReplicaFixture.newReplica(meters);
    private final StateTopicBatchConsumer consumer = new StateTopicBatchConsumer(replica, CODEC, meters);

    @Test
    void shouldLeaveWhatOneByOneWouldWhenAPollMixesFirstVersionsUpdatesTombstonesAndRedeliveries() {
        String first = newId();
        String deleted = newId();
        String redelivered = newId();

        consumer.accept(poll(
                state(first, 1),
                state(deleted, 1),
                state(first, 2),
                tombstone(deleted, 2),
                state(redelivered, 1),
                state(redelivered, 1)));

        assertThat(replica.find(first)).contains(organisation(first, 2));
        assertThat(replica.find(deleted)).isEmpty();
        assertThat(replica.find(redelivered)).contains(organisation(redelivered, 1));
        assertThat(count("applied")).isEqualTo(4);
        assertThat(count("deleted")).isEqualTo(1);
        assertThat(count("stale")).isEqualTo(1);
    }

    @Test
    void shouldKeepNewerStateWhenAFirstVersionIsRedeliveredAmongNewEntities() {
        String held = newId();
        String fresh = newId();
        consumer.accept(poll(state(held, 1), state(held, 3)));

        consumer.accept(poll(state(held, 1), state(fresh, 1), state(newId(), 1)));

        assertThat(replica.find(held)).map(OrganisationChanged::version).contains(3L);
        assertThat(replica.find(fresh)).contains(organisation(fresh, 1));
        assertThat(count("stale")).isEqualTo(1);
    }

    @Test
    void shouldNotResurrectEntityWhenItsFirstVersionArrivesAfterItsTombstone() {
        String id = newId();
        consumer.accept(poll(tombstone(id, 2)));

        consumer.accept(poll(state(id, 1), state(newId(), 1)));

        assertThat(replica.find(id)).isEmpty();
    }

    @Test
    void shouldApplyRecordsBeforeARejectedOneAndNameItsIndexWhenARecordIsNotAnEvent() {
        String before = newId();
        String after = newId();
        ProducerRecord<String, byte[]> unknownType = state(newId(), 1);
        unknownType.headers().remove("ce_type").add("ce_type", "com.example.unknown".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(
                        () -> consumer.accept(poll(state(before, 1), state(newId(), 1), unknownType, state(after, 1))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex())
                        .isEqualTo(2))
                .hasMessageContaining("com.example.unknown");

        assertThat(replica.find(before)).isPresent();
        assertThat(replica.find(after)).isEmpty();
        assertThat(count("rejected")).isEqualTo(1);
    }

    @Test
    void shouldTellWhatDependsOnTheReplicaWhichEntitiesAPollBroughtOnceItHoldsThem() {
        String first = newId();
        String second = newId();
        List<String> told = new ArrayList<>();
        StateTopicBatchConsumer telling = new StateTopicBatchConsumer(
                replica,
                meters,
                events -> events.forEach(event -> {
                    assertThat(replica.find(event.subject())).isPresent();
                    told.add(event.subject());
                }));

        telling.accept(poll(state(first, 1), state(second, 1)));

        assertThat(told).containsExactly(first, second);
    }

    private static ProducerRecord<String, byte[]> state(String id, long version) {
        return CODEC.toRecord(CODEC.envelope(organisation(id, version)));
    }

    private static ProducerRecord<String, byte[]> tombstone(String id, long version) {
        return CODEC.toRecord(CODEC.tombstone(EventType.ORGANISATION_DELETED, id, version, Instant.now()));
    }

    /** Values in a list; keys and each record's headers (values as bytes) in the binder's batch header lists. */
    @SafeVarargs
    private static Message<List<?>> poll(ProducerRecord<String, byte[]>... records) {
        List<Object> values = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : records) {
            values.add(record.value() == null ? KafkaNull.INSTANCE : record.value());
            keys.add(record.key());
            Map<String, Object> recordHeaders = new HashMap<>();
            for (Header header : record.headers()) {
                recordHeaders.put(header.key(), header.value());
            }
            headers.add(recordHeaders);
        }
        return MessageBuilder.<List<?>>withPayload(values)
                .setHeader(KafkaHeaders.RECEIVED_KEY, keys)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .build();
    }

    private double count(String outcome) {
        return ReplicaFixture.outcomes(meters, replica, outcome);
    }
}
