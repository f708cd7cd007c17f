package it.osservatorio.platform.replica;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.StateEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A local copy of another service's entities in one collection, fed by their state topic. An event is applied only
 * when its version is newer than the one held, so duplicates, replays from offset 0 and out-of-order deliveries all
 * leave the same state.
 *
 * <p>A document is {@code {_id, version, deleted, state}}. A tombstone does not remove the document: it replaces it
 * with a deletion marker {@code {_id, version, deleted: true}} holding the tombstone's version, so that an older
 * state event delivered late (a re-delivery, or a replay racing a compaction) cannot resurrect the entity. Markers
 * are a few bytes each and are never read as entities; they are kept for good, like the ids they stand for.
 *
 * <p>Every write is one conditional upsert on {@code _id}, safe without transactions and with several consumers: when
 * the condition does not hold for an existing document, the upsert's insert fails on the {@code _id} index, which
 * means the held version is at least as new (or another writer inserted first, and the write is retried once).
 *
 * @param <T> the state event this replica holds
 */
public class VersionedReplica<T extends StateEvent> {

    public static final String METRIC = "osservatorio.replica.events";

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String DELETED = "deleted";
    static final String STATE = "state";

    private final MongoTemplate mongo;
    private final String collection;
    private final Class<T> stateType;
    private final Map<ReplicaOutcome, Counter> outcomes = new EnumMap<>(ReplicaOutcome.class);

    /**
     * @param collection the collection holding the replica; also the {@code replica} tag of the
     *     {@value #METRIC} counter
     */
    public VersionedReplica(MongoTemplate mongo, String collection, Class<T> stateType, MeterRegistry meters) {
        this.mongo = mongo;
        this.collection = collection;
        this.stateType = stateType;
        mongo.indexOps(collection)
                .createIndex(new Index()
                        .on(ID, Sort.Direction.ASC)
                        .on(VERSION, Sort.Direction.ASC)
                        .unique()
                        .named("id_version"));
        for (ReplicaOutcome outcome : ReplicaOutcome.values()) {
            outcomes.put(outcome, counter(meters, collection, outcome.name()));
        }
    }

    static Counter counter(MeterRegistry meters, String replica, String outcome) {
        return Counter.builder(METRIC)
                .description("State events received by a replica, by what applying them did")
                .tag("replica", replica)
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .register(meters);
    }

    public String name() {
        return collection;
    }

    /**
     * Applies a state event or a tombstone if it is newer than what the replica holds.
     *
     * @throws EventDecodingException when the event carries a state this replica does not hold
     */
    public ReplicaOutcome apply(ReceivedEvent event) {
        ReplicaOutcome outcome;
        if (event.isTombstone()) {
            outcome = delete(event.subject(), event.aggregateVersion());
        } else {
            Object payload = event.payload().orElseThrow();
            if (!stateType.isInstance(payload)) {
                throw new EventDecodingException("Event type " + event.type() + " carries a "
                        + payload.getClass().getSimpleName() + ", not the " + stateType.getSimpleName()
                        + " held by replica " + collection);
            }
            outcome = upsert(stateType.cast(payload));
        }
        outcomes.get(outcome).increment();
        return outcome;
    }

    /** Whether {@link #apply} takes this event: a tombstone, or a state event carrying the state held here. */
    public boolean holds(ReceivedEvent event) {
        return event.isTombstone()
                || event.payload().filter(stateType::isInstance).isPresent();
    }

    /**
     * Applies events in their order, leaving the state and the outcome counts that applying them one by one would.
     * First versions in a row, the bulk of a replay or of another service's import, are inserted together by one
     * unordered {@code insertMany}: an entity's first sight needs no read, and one command instead of one per event
     * was most of a replica's cost. A first version refused on the {@code _id} index (a redelivery, or a newer
     * version or tombstone already held) is then decided on what is held, like {@link #apply}. Any other event is
     * applied on its own, after the first versions before it.
     *
     * @throws EventDecodingException when an event carries a state this replica does not hold (check {@link #holds})
     */
    public void applyAll(List<ReceivedEvent> events) {
        List<T> firstVersions = new ArrayList<>();
        for (ReceivedEvent event : events) {
            if (!event.isTombstone() && event.aggregateVersion() == 1 && holds(event)) {
                firstVersions.add(stateType.cast(event.payload().orElseThrow()));
            } else {
                insertFirstVersions(firstVersions);
                firstVersions.clear();
                apply(event);
            }
        }
        insertFirstVersions(firstVersions);
    }

    private void insertFirstVersions(List<T> states) {
        if (states.isEmpty()) {
            return;
        }
        if (states.size() == 1) {
            outcomes.get(upsert(states.getFirst())).increment();
            return;
        }
        List<Document> replacements = states.stream().map(this::replacement).toList();
        Set<Integer> refused = new TreeSet<>();
        try {
            mongo.getCollection(collection).insertMany(replacements, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        outcomes.get(ReplicaOutcome.APPLIED).increment(states.size() - refused.size());
        for (int index : refused) {
            outcomes.get(replaceIfNewer(states.get(index), replacements.get(index)))
                    .increment();
        }
    }

    /** The entity as held, unless it was never seen or has been deleted. */
    public Optional<T> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, collection))
                .filter(document -> !Boolean.TRUE.equals(document.get(DELETED)))
                .map(this::state);
    }

    /** Up to {@code limit} entities ordered by id, starting after {@code afterId} (from the first when null). */
    public List<T> page(String afterId, int limit) {
        Criteria criteria = live();
        if (afterId != null) {
            criteria = criteria.and(ID).gt(afterId);
        }
        Query query = new Query(criteria).with(Sort.by(ID)).limit(limit);
        return mongo.find(query, Document.class, collection).stream()
                .map(this::state)
                .toList();
    }

    /**
     * How many entities share each value of a state field, among those whose state fields equal the given values.
     * Fields are paths inside the state event, e.g. {@code type} or {@code address.province}; entities without a
     * value for the grouping field are not counted.
     */
    public Map<String, Long> countBy(String stateField, Map<String, ?> stateEquals) {
        Criteria criteria = live();
        for (Map.Entry<String, ?> equal : stateEquals.entrySet()) {
            criteria = criteria.and(statePath(equal.getKey())).is(equal.getValue());
        }
        List<Document> groups = mongo.aggregate(
                        newAggregation(
                                match(criteria),
                                group(statePath(stateField)).count().as("count")),
                        collection,
                        Document.class)
                .getMappedResults();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Document groupOfEntities : groups) {
            Object value = groupOfEntities.get(ID);
            if (value != null) {
                counts.put(value.toString(), ((Number) groupOfEntities.get("count")).longValue());
            }
        }
        return counts;
    }

    private static String statePath(String stateField) {
        return STATE + "." + stateField;
    }

    private static Criteria live() {
        return where(DELETED).ne(true);
    }

    private T state(Document document) {
        return mongo.getConverter().read(stateType, document.get(STATE, Document.class));
    }

    private ReplicaOutcome upsert(T state) {
        Document replacement = replacement(state);
        if (state.version() == 1) {
            // the usual first sight of an aggregate: one insert instead of a read and an insert
            try {
                mongo.insert(replacement, collection);
                return ReplicaOutcome.APPLIED;
            } catch (DuplicateKeyException alreadyHeld) {
                // a redelivery, or a tombstone or later version seen first: decide on what is held
            }
        }
        return replaceIfNewer(state, replacement);
    }

    private ReplicaOutcome replaceIfNewer(T state, Document replacement) {
        return replaceIf(
                state.aggregateId(), held -> heldVersion(held) < state.version(), replacement, ReplicaOutcome.APPLIED);
    }

    private Document replacement(T state) {
        Document stateDocument = new Document();
        mongo.getConverter().write(state, stateDocument);
        stateDocument.remove("_class");
        return new Document(ID, state.aggregateId())
                .append(VERSION, state.version())
                .append(DELETED, false)
                .append(STATE, stateDocument);
    }

    /**
     * A tombstone also applies to a state of the very same version (a producer may delete with the last version it
     * published) but not to a marker of that version, so a re-delivered tombstone counts as stale.
     */
    private ReplicaOutcome delete(String id, long version) {
        Document marker = new Document(ID, id).append(VERSION, version).append(DELETED, true);
        return replaceIf(
                id,
                held -> heldVersion(held) < version
                        || (heldVersion(held) == version && !Boolean.TRUE.equals(held.get(DELETED))),
                marker,
                ReplicaOutcome.DELETED);
    }

    /**
     * Reads the held document by id, decides, then writes conditionally on the version it read: queries stay on
     * exactly the keys of an index ({@code _id}, or the unique {@code _id + version}), which the embedded MongoDB
     * server needs to avoid scanning the collection. A concurrent writer makes the condition fail; we then decide
     * again on what it wrote.
     */
    private ReplicaOutcome replaceIf(
            String id, Predicate<Document> appliesOver, Document replacement, ReplicaOutcome done) {
        while (true) {
            Document held = mongo.findById(id, Document.class, collection);
            if (held == null) {
                try {
                    mongo.insert(replacement, collection);
                    return done;
                } catch (DuplicateKeyException concurrentInsert) {
                    continue;
                }
            }
            if (!appliesOver.test(held)) {
                return ReplicaOutcome.STALE;
            }
            Query unchanged = new Query(where(ID).is(id).and(VERSION).is(held.get(VERSION)));
            UpdateResult result = mongo.replace(unchanged, replacement, collection);
            if (result.getMatchedCount() > 0) {
                return done;
            }
        }
    }

    private static long heldVersion(Document held) {
        Object version = held.get(VERSION);
        return version instanceof Number number ? number.longValue() : 0L;
    }
}
