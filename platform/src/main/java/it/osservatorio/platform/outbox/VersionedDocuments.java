package it.osservatorio.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Conditional writes to a collection of versioned aggregates whose documents carry their own pending events (ADR
 * 0003): an update or a deletion applies only if the document still has the version the caller read, and pushes the
 * new event in the same single-document write, so a write racing with the outbox relay neither loses nor re-adds an
 * event. The condition uses exactly the keys of the unique {@code _id + version} index this creates, because the
 * embedded MongoDB server uses an index only then.
 */
public final class VersionedDocuments {

    private final MongoTemplate mongo;
    private final Class<?> documentType;

    public VersionedDocuments(MongoTemplate mongo, Class<?> documentType) {
        this.mongo = mongo;
        this.documentType = documentType;
        mongo.indexOps(documentType)
                .createIndex(new Index()
                        .on("_id", Sort.Direction.ASC)
                        .on("version", Sort.Direction.ASC)
                        .unique()
                        .named("id_version"));
    }

    /**
     * Applies {@code update} (which sets the new version and state) and appends {@code event} to the pending ones.
     *
     * @return false when the document is gone or no longer at {@code expectedVersion}
     */
    public boolean updateIfCurrent(String id, long expectedVersion, Update update, PendingEvent event) {
        return updateIfCurrent(id, expectedVersion, update, List.of(event));
    }

    /**
     * Applies {@code update} and appends {@code events}, in their order, to the pending ones, in one write: an
     * aggregate whose change publishes several facts (a state and a notice, say) never has only some of them stored.
     * With no events only the state changes (e.g. a scheduler's next due moment).
     *
     * @return false when the document is gone or no longer at {@code expectedVersion}; true when it was at that
     *     version, even if the update left it as it was
     */
    public boolean updateIfCurrent(String id, long expectedVersion, Update update, List<PendingEvent> events) {
        if (!events.isEmpty()) {
            update.push(PendingEvent.FIELD).each(events.toArray());
        }
        return mongo.updateFirst(current(id, expectedVersion), update, documentType)
                        .getMatchedCount()
                == 1;
    }

    /**
     * Marks the aggregate deleted at the tombstone's version, appending the tombstone, and unsets {@code freedFields}
     * (unique keys a new aggregate may reuse). The relay removes the document once the tombstone is published.
     *
     * @return false when the document is gone or no longer at {@code expectedVersion}
     */
    public boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone, String... freedFields) {
        Update update =
                new Update().set(OutboxCollection.DELETED_FIELD, true).set("version", tombstone.aggregateVersion());
        for (String field : freedFields) {
            update.unset(field);
        }
        return updateIfCurrent(id, expectedVersion, update, tombstone);
    }

    /** Sets the field, or removes it when the value is null (so that sparse indexes leave the document out). */
    public static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private static Query current(String id, long expectedVersion) {
        return new Query(where("_id").is(id).and("version").is(expectedVersion));
    }
}
