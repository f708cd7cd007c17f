package it.osservatorio.projects.project.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.outbox.VersionedDocuments;
import it.osservatorio.projects.project.application.ProjectFilter;
import it.osservatorio.projects.project.application.ProjectStore;
import it.osservatorio.projects.project.domain.Project;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * Writes are conditional on {@code _id + version} and push the new pending events in the same update
 * ({@link VersionedDocuments}). Searches filter in the database; the embedded server scans for them, which is
 * fine for the thousands of projects of a territory.
 */
@Repository
class MongoProjectStore implements ProjectStore {

    private final MongoTemplate mongo;
    private final VersionedDocuments versioned;

    MongoProjectStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ProjectDocument.class)
                .createIndex(
                        new Index("cup", Sort.Direction.ASC).unique().sparse().named("unique_cup"));
        this.versioned = new VersionedDocuments(mongo, ProjectDocument.class);
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
    public Set<Integer> insertAll(List<Project> projects, List<List<PendingEvent>> events) {
        Set<Integer> refused = new TreeSet<>();
        if (projects.isEmpty()) {
            return refused;
        }
        List<Document> documents = new ArrayList<>(projects.size());
        for (int i = 0; i < projects.size(); i++) {
            documents.add(withoutNulls(ProjectDocument.of(projects.get(i), events.get(i))));
        }
        try {
            mongo.getCollection(mongo.getCollectionName(ProjectDocument.class))
                    .insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        return refused;
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
            VersionedDocuments.setOrUnset(update, name, value);
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
        try {
            return versioned.updateIfCurrent(project.id(), expectedVersion, update, events);
        } catch (DuplicateKeyException e) {
            throw new DuplicateCupException(project.details().cup());
        }
    }

    @Override
    public boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone) {
        // without its CUP a deleted project no longer blocks a new one with the same CUP
        return versioned.markDeleted(id, expectedVersion, tombstone, "cup");
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
    public List<Project> findByCups(Collection<String> cups) {
        if (cups.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(where("cup").in(cups)), ProjectDocument.class).stream()
                .filter(document -> !document.deleted())
                .map(ProjectDocument::toProject)
                .toList();
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
            criteria.add(new Criteria()
                    .orOperator(
                            where("axis").in(filter.axes()), where("otherAxes").in(filter.axes())));
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

    /** Leaves absent fields out of a new document: a sparse unique index ignores a missing CUP, not a null one. */
    private Document withoutNulls(ProjectDocument document) {
        Document bson = new Document();
        mongo.getConverter().write(document, bson);
        bson.values().removeIf(value -> value == null);
        return bson;
    }
}
