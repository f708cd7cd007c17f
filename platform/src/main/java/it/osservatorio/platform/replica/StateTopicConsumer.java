package it.osservatorio.platform.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.ReceivedEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * A Spring Cloud Stream consumer feeding a {@link VersionedReplica} from a state topic. It takes {@code Message<?>}
 * because the Kafka binder delivers a tombstone's null value as a {@code KafkaNull} payload, which no converter turns
 * into a {@code byte[]}; header values arrive as {@code byte[]}, as the binder's header mapper leaves headers it did
 * not write itself. A record that is not a valid event throws {@link EventDecodingException}, counted with outcome
 * {@code rejected}: the binding sends it to its dead-letter topic and goes on.
 */
public class StateTopicConsumer implements Consumer<Message<?>> {

    private static final Logger log = LoggerFactory.getLogger(StateTopicConsumer.class);

    private final VersionedReplica<?> replica;
    private final EventCodec codec;
    private final Counter rejected;

    public StateTopicConsumer(VersionedReplica<?> replica, MeterRegistry meters) {
        // reading uses no attribute of the codec's own: its source only marks events it writes
        this(replica, new EventCodec("replica-" + replica.name()), meters);
    }

    public StateTopicConsumer(VersionedReplica<?> replica, EventCodec codec, MeterRegistry meters) {
        this.replica = replica;
        this.codec = codec;
        this.rejected = VersionedReplica.counter(meters, replica.name(), "rejected");
    }

    @Override
    public void accept(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        try {
            ReceivedEvent event =
                    codec.read(key == null ? null : key.toString(), message.getHeaders(), message.getPayload());
            ReplicaOutcome outcome = replica.apply(event);
            log.debug("Replica {}: {} {} v{}", replica.name(), outcome, event.subject(), event.aggregateVersion());
        } catch (EventDecodingException e) {
            rejected.increment();
            log.warn("Replica {} rejects the record with key {}: {}", replica.name(), key, e.getMessage());
            throw e;
        }
    }
}
