package it.osservatorio.platform.replica;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.StateEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * A local copy of another service's entities, fed by its state topic. An event is applied only when its version is
 * newer than the one held, so duplicates, replays from offset 0 and out-of-order deliveries leave the same state.
 * A tombstone leaves a marker holding the deleted version, so that an older event delivered late cannot resurrect
 * the entity.
 *
 * @param <T> the state event this replica holds, stored as the document itself
 */
public class VersionedReplica<T extends StateEvent> {

    static final String VERSION = "version";
    static final String DELETED = "deleted";
    static final String STATE = "state";

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final String collection;
    private final Class<T> stateType;
    private final Map<ReplicaOutcome, Counter> counters = new EnumMap<>(ReplicaOutcome.class);

    public VersionedReplica(
            MongoTemplate mongo, EventCodec codec, String collection, Class<T> stateType, MeterRegistry meters) {
        this.mongo = mongo;
        this.codec = codec;
        this.collection = collection;
        this.stateType = stateType;
        for (ReplicaOutcome outcome : ReplicaOutcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("osservatorio.replica.events")
                            .description("State events received by a replica, by what applying them did")
                            .tag("replica", collection)
                            .tag("outcome", outcome.name().toLowerCase())
                            .register(meters));
        }
    }

    /**
     * Decodes a record as delivered by Spring messaging and applies it.
     *
     * @throws it.osservatorio.contracts.EventDecodingException when the record is not a valid event (dead letter)
     */
    public ReplicaOutcome accept(String key, Map<String, ?> headers, Object payload) {
        return apply(codec.read(key, headers, payload));
    }

    /**
     * A Spring Cloud Stream consumer applying each record of the bound state topic; an undecodable record throws,
     * so that the binder sends it to the binding's dead-letter topic.
     */
    public Consumer<Message<?>> messageConsumer() {
        return message -> accept(
                (String) message.getHeaders().get(KafkaHeaders.RECEIVED_KEY),
                message.getHeaders(),
                message.getPayload());
    }

    public ReplicaOutcome apply(ReceivedEvent event) {
        ReplicaOutcome outcome = event.isTombstone()
                ? delete(event.subject(), event.aggregateVersion())
                : upsert(event.payloadAs(stateType));
        counters.get(outcome).increment();
        return outcome;
    }

    public Optional<T> find(String id) {
        Document document =
                mongo.findOne(new Query(where("_id").is(id).and(DELETED).ne(true)), Document.class, collection);
        return Optional.ofNullable(document).map(this::state);
    }

    public java.util.List<T> findAll(Query query) {
        query.addCriteria(where(DELETED).ne(true));
        return mongo.find(query, Document.class, collection).stream()
                .map(this::state)
                .toList();
    }

    private T state(Document document) {
        return mongo.getConverter().read(stateType, document.get(STATE, Document.class));
    }

    private ReplicaOutcome upsert(T state) {
        Document stateDocument = new Document();
        mongo.getConverter().write(state, stateDocument);
        stateDocument.remove("_class");
        Document replacement = new Document("_id", state.aggregateId())
                .append(VERSION, state.version())
                .append(DELETED, false)
                .append(STATE, stateDocument);
        return write(state.aggregateId(), state.version(), replacement, ReplicaOutcome.APPLIED);
    }

    private ReplicaOutcome delete(String id, long version) {
        Document marker = new Document("_id", id).append(VERSION, version).append(DELETED, true);
        return write(id, version, marker, ReplicaOutcome.DELETED);
    }

    private ReplicaOutcome write(String id, long version, Document replacement, ReplicaOutcome success) {
        while (true) {
            Document held = mongo.findById(id, Document.class, collection);
            if (held == null) {
                try {
                    mongo.insert(replacement, collection);
                    return success;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            long heldVersion = ((Number) held.get(VERSION)).longValue();
            if (heldVersion >= version) {
                return ReplicaOutcome.STALE;
            }
            Query unchanged = new Query(where("_id").is(id).and(VERSION).is(heldVersion));
            if (mongo.getCollection(collection)
                            .replaceOne(unchanged.getQueryObject(), replacement)
                            .getModifiedCount()
                    == 1) {
                return success;
            }
        }
    }
}
