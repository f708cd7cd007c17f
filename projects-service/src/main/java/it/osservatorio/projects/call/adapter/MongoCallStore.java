package it.osservatorio.projects.call.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.outbox.VersionedDocuments;
import it.osservatorio.projects.call.application.CallStore;
import it.osservatorio.projects.call.domain.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Writes are conditional on {@code _id + version} and carry the pending events in the same update ({@link VersionedDocuments}). */
@Repository
class MongoCallStore implements CallStore {

    private static final List<String> OPTIONAL_FIELDS = List.of(
            "issuer",
            "axis",
            "budget",
            "opensAt",
            "deadline",
            "link",
            "nextNoticeAt",
            "reportedStatus",
            "reportedStatusNote");

    private final MongoTemplate mongo;
    private final VersionedDocuments versioned;

    MongoCallStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.versioned = new VersionedDocuments(mongo, CallDocument.class);
        mongo.indexOps(CallDocument.class)
                .createIndex(new Index("nextNoticeAt", Sort.Direction.ASC).named("next_notice_at"));
    }

    @Override
    public void insert(Call call, Instant nextNoticeAt, List<PendingEvent> events) {
        mongo.insert(CallDocument.of(call, nextNoticeAt, events));
    }

    @Override
    public boolean update(Call call, long expectedVersion, Instant nextNoticeAt, List<PendingEvent> events) {
        Document fields = new Document();
        mongo.getConverter().write(CallDocument.of(call, nextNoticeAt, List.of()), fields);
        Update update = new Update();
        fields.forEach((name, value) -> {
            if (!name.equals("_id") && !name.equals(PendingEvent.FIELD) && !name.equals("_class") && value != null) {
                update.set(name, value);
            }
        });
        OPTIONAL_FIELDS.stream().filter(field -> fields.get(field) == null).forEach(update::unset);
        return versioned.updateIfCurrent(call.id(), expectedVersion, update, events);
    }

    @Override
    public boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone) {
        // a deleted call is never due for a notice
        return versioned.markDeleted(id, expectedVersion, tombstone, "nextNoticeAt");
    }

    @Override
    public Optional<Call> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CallDocument.class))
                .filter(document -> !document.deleted())
                .map(CallDocument::toCall);
    }

    @Override
    public List<Call> dueBy(Instant now, int limit) {
        Query query = new Query(where("nextNoticeAt")
                        .lte(now)
                        .and(OutboxCollection.DELETED_FIELD)
                        .ne(true))
                .with(Sort.by(Sort.Direction.ASC, "nextNoticeAt"))
                .limit(limit);
        return mongo.find(query, CallDocument.class).stream()
                .map(CallDocument::toCall)
                .toList();
    }

    @Override
    public List<Call> page(CallFilter filter, String afterId, int limit) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(where(OutboxCollection.DELETED_FIELD).ne(true));
        if (filter.ownerInstitutionId() != null) {
            criteria.add(where("ownerInstitutionId").is(filter.ownerInstitutionId()));
        }
        if (filter.status() != null) {
            criteria.add(where("status").is(filter.status().name()));
        }
        if (filter.programme() != null) {
            criteria.add(where("programme").is(filter.programme()));
        }
        if (filter.axis() != null) {
            criteria.add(where("axis").is(filter.axis()));
        }
        if (filter.ecosystem() != null) {
            criteria.add(where("ecosystems").is(filter.ecosystem()));
        }
        if (afterId != null) {
            criteria.add(where("_id").gt(afterId));
        }
        Query query = new Query(new Criteria().andOperator(criteria)).with(Sort.by(Sort.Direction.ASC, "_id"));
        if (filter.text() == null) {
            return mongo.find(query.limit(limit), CallDocument.class).stream()
                    .map(CallDocument::toCall)
                    .toList();
        }
        // words anywhere in the call's text: matched here, the calls of a territory are hundreds
        try (var documents = mongo.stream(query, CallDocument.class)) {
            return documents
                    .filter(document -> CallSearchText.matches(document.searchText(), filter.text()))
                    .limit(limit)
                    .map(CallDocument::toCall)
                    .toList();
        }
    }
}
