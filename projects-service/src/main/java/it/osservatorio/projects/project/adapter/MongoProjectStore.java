package it.osservatorio.projects.project.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.projects.project.application.ProjectFilter;
import it.osservatorio.projects.project.application.ProjectStore;
import it.osservatorio.projects.project.domain.Project;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Writes are conditional on {@code _id + version} (a unique index, which the embedded server uses) and push the new
 * pending events in the same update. Searches filter in the database; the embedded server scans for them, which is
 * fine for the thousands of projects of a territory.
 */
@Repository
class MongoProjectStore implements ProjectStore {

    private final MongoTemplate mongo;

    MongoProjectStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ProjectDocument.class)
                .createIndex(
                        new Index("cup", Sort.Direction.ASC).unique().sparse().named("unique_cup"));
        mongo.indexOps(ProjectDocument.class)
                .createIndex(new Index()
                        .on("_id", Sort.Direction.ASC)
                        .on("version", Sort.Direction.ASC)
                        .unique()
                        .named("id_version"));
    }

    @Override
    public void insert(Project project, List<PendingEvent> events) {
        try {
            mongo.insert(
                    withoutNulls(ProjectDocument.of(project, events)), mongo.getCollectionName(ProjectDocument.class));
        } catch (DuplicateKeyException e) {
            throw new DuplicateCupException(project.details().cup());
        }
    }

    @Override
    public boolean update(Project project, long expectedVersion, List<PendingEvent> events) {
        Document fields = new Document();
        mongo.getConverter().write(ProjectDocument.of(project, List.of()), fields);
        Update update = new Update();
        fields.forEach((name, value) -> {
            if (name.equals("_id") || name.equals(PendingEvent.FIELD) || name.equals("_class")) {
                return;
            }
            if (value == null) {
                update.unset(name);
            } else {
                update.set(name, value);
            }
        });
        for (String field : List.of(
                "cup",
                "acronym",
                "description",
                "callId",
                "axis",
                "emblematicAction",
                "s3Ecosystem",
                "startDate",
                "endDate",
                "totalCost",
                "totalCostCents",
                "funding")) {
            if (!fields.containsKey(field)) {
                update.unset(field);
            }
        }
        update.push(PendingEvent.FIELD).each(events.toArray());
        try {
            return mongo.updateFirst(current(project.id(), expectedVersion), update, ProjectDocument.class)
                            .getModifiedCount()
                    == 1;
        } catch (DuplicateKeyException e) {
            throw new DuplicateCupException(project.details().cup());
        }
    }

    @Override
    public boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone) {
        Update update = new Update()
                .set(OutboxCollection.DELETED_FIELD, true)
                .set("version", tombstone.aggregateVersion())
                .unset("cup")
                .push(PendingEvent.FIELD, tombstone);
        return mongo.updateFirst(current(id, expectedVersion), update, ProjectDocument.class)
                        .getModifiedCount()
                == 1;
    }

    @Override
    public Optional<Project> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ProjectDocument.class))
                .filter(document -> !document.deleted())
                .map(ProjectDocument::toProject);
    }

    @Override
    public Optional<Project> findByCup(String cup) {
        return Optional.ofNullable(mongo.findOne(new Query(where("cup").is(cup)), ProjectDocument.class))
                .filter(document -> !document.deleted())
                .map(ProjectDocument::toProject);
    }

    @Override
    public List<Project> search(ProjectFilter filter, String afterId, int limit) {
        List<Criteria> criteria = criteria(filter);
        if (afterId != null) {
            criteria.add(where("_id").gt(afterId));
        }
        Query query = new Query(new Criteria().andOperator(criteria))
                .with(Sort.by(Sort.Direction.ASC, "_id"))
                .limit(limit);
        return mongo.find(query, ProjectDocument.class).stream()
                .map(ProjectDocument::toProject)
                .toList();
    }

    @Override
    public void forEach(ProjectFilter filter, Consumer<Project> action) {
        try (var documents =
                mongo.stream(new Query(new Criteria().andOperator(criteria(filter))), ProjectDocument.class)) {
            documents.map(ProjectDocument::toProject).forEach(action);
        }
    }

    private static List<Criteria> criteria(ProjectFilter filter) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(where(OutboxCollection.DELETED_FIELD).ne(true));
        if (!filter.programmes().isEmpty()) {
            criteria.add(where("programme.kind")
                    .in(filter.programmes().stream().map(Enum::name).toList()));
        }
        if (!filter.axes().isEmpty()) {
            criteria.add(where("axis").in(filter.axes()));
        }
        if (!filter.statuses().isEmpty()) {
            criteria.add(where("status")
                    .in(filter.statuses().stream().map(Enum::name).toList()));
        }
        equal(criteria, "callId", filter.callId());
        equal(criteria, "ownerInstitutionId", filter.ownerInstitutionId());
        equal(criteria, "s3Ecosystem", filter.s3Ecosystem());
        equal(criteria, "cup", filter.cup());
        if (filter.partnerOrganisationId() != null) {
            criteria.add(where("partners").elemMatch(where("organisationId").is(filter.partnerOrganisationId())));
        }
        if (filter.comuneIstat() != null) {
            criteria.add(where("comuniIstat").is(filter.comuneIstat()));
        }
        if (filter.minTotalCost() != null) {
            criteria.add(where("totalCostCents").gte(ProjectDocument.cents(filter.minTotalCost())));
        }
        if (filter.maxTotalCost() != null) {
            criteria.add(where("totalCostCents").lte(ProjectDocument.cents(filter.maxTotalCost())));
        }
        if (filter.startFrom() != null) {
            criteria.add(where("startDate").gte(filter.startFrom().toString()));
        }
        if (filter.startTo() != null) {
            criteria.add(where("startDate").lte(filter.startTo().toString()));
        }
        if (filter.endFrom() != null) {
            criteria.add(where("endDate").gte(filter.endFrom().toString()));
        }
        if (filter.endTo() != null) {
            criteria.add(where("endDate").lte(filter.endTo().toString()));
        }
        return criteria;
    }

    private static void equal(List<Criteria> criteria, String field, Object value) {
        if (value != null) {
            criteria.add(where(field).is(value));
        }
    }

    /** Exactly the keys of the unique {@code _id + version} index. */
    private static Query current(String id, long expectedVersion) {
        return new Query(where("_id").is(id).and("version").is(expectedVersion));
    }

    /** Leaves absent fields out of a new document: a sparse unique index ignores a missing CUP, not a null one. */
    private Document withoutNulls(ProjectDocument document) {
        Document bson = new Document();
        mongo.getConverter().write(document, bson);
        bson.values().removeIf(value -> value == null);
        return bson;
    }
}
