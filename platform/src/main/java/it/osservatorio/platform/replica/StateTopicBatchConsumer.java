package it.osservatorio.platform.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.ReceivedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * A Spring Cloud Stream consumer feeding a {@link VersionedReplica} from a state topic a poll at a time (binding
 * property {@code consumer.batch-mode: true}), so that the replica can insert the first versions of a replay or of
 * another service's import together ({@link VersionedReplica#applyAll}). The binder hands the records' values as a
 * list, with each record's key in the {@code kafka_receivedMessageKey} list and its headers in the {@code
 * kafka_batchConvertedHeaders} list; a tombstone's value is not a byte array.
 *
 * <p>A record that is not a valid event for this replica is counted with outcome {@code rejected}: the records
 * before it are applied, and a {@link BatchListenerFailedException} naming its index makes the binder send it to the
 * dead-letter topic and deliver the records after it again.
 */
public class StateTopicBatchConsumer implements Consumer<Message<List<?>>> {

    private static final Logger log = LoggerFactory.getLogger(StateTopicBatchConsumer.class);

    private final VersionedReplica<?> replica;
    private final EventCodec codec;
    private final Counter rejected;
    private final Consumer<List<ReceivedEvent>> afterApplied;

    public StateTopicBatchConsumer(VersionedReplica<?> replica, MeterRegistry meters) {
        this(replica, meters, applied -> {});
    }

    /**
     * @param afterApplied told of the events of each poll once the replica holds them (also those it found stale),
     *     e.g. to refresh what depends on the entities
     */
    public StateTopicBatchConsumer(
            VersionedReplica<?> replica, MeterRegistry meters, Consumer<List<ReceivedEvent>> afterApplied) {
        // reading uses no attribute of the codec's own: its source only marks events it writes
        this(replica, new EventCodec("replica-" + replica.name()), meters, afterApplied);
    }

    public StateTopicBatchConsumer(VersionedReplica<?> replica, EventCodec codec, MeterRegistry meters) {
        this(replica, codec, meters, applied -> {});
    }

    private StateTopicBatchConsumer(
            VersionedReplica<?> replica,
            EventCodec codec,
            MeterRegistry meters,
            Consumer<List<ReceivedEvent>> afterApplied) {
        this.replica = replica;
        this.codec = codec;
        this.rejected = VersionedReplica.counter(meters, replica.name(), "rejected");
        this.afterApplied = afterApplied;
    }

    @Override
    public void accept(Message<List<?>> message) {
        List<?> values = message.getPayload();
        List<?> keys = headerList(message, KafkaHeaders.RECEIVED_KEY, values.size());
        List<?> headers = headerList(message, KafkaHeaders.BATCH_CONVERTED_HEADERS, values.size());
        List<ReceivedEvent> events = new ArrayList<>(values.size());
        for (int index = 0; index < values.size(); index++) {
            Object key = keys.get(index);
            try {
                ReceivedEvent event = codec.read(
                        key == null ? null : key.toString(), recordHeaders(headers.get(index)), values.get(index));
                if (!replica.holds(event)) {
                    throw new EventDecodingException("Event type " + event.type() + " does not carry the state held"
                            + " by replica " + replica.name());
                }
                events.add(event);
            } catch (EventDecodingException e) {
                apply(events);
                rejected.increment();
                log.warn("Replica {} rejects the record with key {}: {}", replica.name(), key, e.getMessage());
                throw new BatchListenerFailedException(e.getMessage(), e, index);
            }
        }
        apply(events);
        log.debug("Replica {}: {} events applied", replica.name(), events.size());
    }

    private void apply(List<ReceivedEvent> events) {
        replica.applyAll(events);
        if (!events.isEmpty()) {
            afterApplied.accept(events);
        }
    }

    private static List<?> headerList(Message<?> message, String name, int size) {
        Object value = message.getHeaders().get(name);
        if (value instanceof List<?> list && list.size() == size) {
            return list;
        }
        List<Object> missing = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            missing.add(null);
        }
        return missing;
    }

    private static Map<String, ?> recordHeaders(Object headers) {
        if (headers instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> byName = (Map<String, ?>) map;
            return byName;
        }
        return Map.of();
    }
}
