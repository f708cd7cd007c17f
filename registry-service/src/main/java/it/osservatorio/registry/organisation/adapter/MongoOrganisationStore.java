package it.osservatorio.registry.organisation.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.outbox.VersionedDocuments;
import it.osservatorio.registry.organisation.application.OrganisationStore;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import jakarta.annotation.PostConstruct;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Queries use exactly the keys of an index ({@code _id}, {@code partitaIva}, {@code _id + version}): the embedded
 * MongoDB server uses an index only then. Updates are conditional on the expected version and push the new pending event atomically, so that a write racing
 * with the outbox relay neither loses nor re-adds an event.
 */
@Repository
class MongoOrganisationStore implements OrganisationStore {

    private final MongoTemplate mongo;
    private final VersionedDocuments versioned;

    MongoOrganisationStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(OrganisationDocument.class)
                .createIndex(new Index("partitaIva", Sort.Direction.ASC)
                        .unique()
                        .sparse()
                        .named("unique_partita_iva"));
        this.versioned = new VersionedDocuments(mongo, OrganisationDocument.class);
    }

    @Override
    public void insert(Organisation organisation, PendingEvent event) {
        try {
            mongo.insert(OrganisationDocument.of(organisation, event));
        } catch (DuplicateKeyException e) {
            throw new DuplicatePartitaIvaException(organisation.details().partitaIva());
        }
    }

    @Override
    public boolean update(Organisation organisation, long expectedVersion, PendingEvent event) {
        OrganisationDetails d = organisation.details();
        Update update = new Update()
                .set("version", organisation.version())
                .set("legalName", d.legalName())
                .set("type", d.type())
                .set("address", d.address())
                .set("ecosystems", d.ecosystems())
                .set("updatedAt", organisation.updatedAt());
        VersionedDocuments.setOrUnset(update, "partitaIva", d.partitaIva());
        VersionedDocuments.setOrUnset(update, "codiceFiscale", d.codiceFiscale());
        VersionedDocuments.setOrUnset(update, "website", d.website());
        VersionedDocuments.setOrUnset(update, "sizeClass", d.sizeClass());
        VersionedDocuments.setOrUnset(update, "category", d.category());
        VersionedDocuments.setOrUnset(update, "atecoCode", d.atecoCode());
        VersionedDocuments.setOrUnset(update, "externalId", d.externalId());
        VersionedDocuments.setOrUnset(
                update,
                "ownerExternalId",
                OrganisationDocument.ownerExternalId(organisation.ownerInstitutionId(), d.externalId()));
        update.set("synthetic", d.synthetic());
        try {
            return versioned.updateIfCurrent(organisation.id(), expectedVersion, update, event);
        } catch (DuplicateKeyException e) {
            throw new DuplicatePartitaIvaException(d.partitaIva());
        }
    }

    @Override
    public boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone) {
        return versioned.markDeleted(id, expectedVersion, tombstone, "partitaIva", "ownerExternalId");
    }

    @Override
    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrganisationDocument.class))
                .filter(document -> !document.deleted())
                .map(OrganisationDocument::toOrganisation);
    }

    @Override
    public Optional<Organisation> findByPartitaIva(String partitaIva) {
        // a deleted organisation has no partitaIva any more, so the unique index alone answers this
        return Optional.ofNullable(
                        mongo.findOne(new Query(where("partitaIva").is(partitaIva)), OrganisationDocument.class))
                .filter(document -> !document.deleted())
                .map(OrganisationDocument::toOrganisation);
    }

    @Override
    public List<Organisation> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Query query = new Query(where("_id").in(ids));
        return mongo.find(query, OrganisationDocument.class).stream()
                .filter(document -> !document.deleted())
                .map(OrganisationDocument::toOrganisation)
                .toList();
    }

    @Override
    public void forEachCurrent(Consumer<Organisation> action) {
        try (var documents =
                mongo.stream(new Query(where(OutboxCollection.DELETED_FIELD).ne(true)), OrganisationDocument.class)) {
            documents.map(OrganisationDocument::toOrganisation).forEach(action);
        }
    }

    /**
     * Exactly the keys of the unique {@code _id + version} index, so the embedded server does not scan the
     * collection. A deleted organisation cannot match a version the caller read from it: deleting bumps the version.
     */
    /** External ids are unique per owner; a document without one is not in this sparse index. */
    @PostConstruct
    void createExternalIdIndex() {
        mongo.indexOps(OrganisationDocument.class)
                .createIndex(new Index("ownerExternalId", Sort.Direction.ASC)
                        .unique()
                        .sparse()
                        .named("unique_owner_external_id"));
    }

    @Override
    public Set<Integer> insertAll(List<Organisation> organisations, List<PendingEvent> events) {
        List<Document> documents = new ArrayList<>(organisations.size());
        for (int i = 0; i < organisations.size(); i++) {
            Document document = new Document();
            mongo.getConverter().write(OrganisationDocument.of(organisations.get(i), events.get(i)), document);
            documents.add(document);
        }
        Set<Integer> failed = new TreeSet<>();
        if (documents.isEmpty()) {
            return failed;
        }
        try {
            mongo.getCollection(mongo.getCollectionName(OrganisationDocument.class))
                    .insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                failed.add(error.getIndex());
            }
        }
        return failed;
    }

    @Override
    public List<Organisation> findByExternalIds(String ownerInstitutionId, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        List<String> keys = externalIds.stream()
                .map(id -> OrganisationDocument.ownerExternalId(ownerInstitutionId, id))
                .toList();
        return mongo.find(new Query(where("ownerExternalId").in(keys)), OrganisationDocument.class).stream()
                .filter(document -> !document.deleted())
                .map(OrganisationDocument::toOrganisation)
                .toList();
    }

    @Override
    public List<Organisation> findByPartitaIvas(Collection<String> partiteIva) {
        if (partiteIva.isEmpty()) {
            return List.of();
        }
        return mongo.find(new Query(where("partitaIva").in(partiteIva)), OrganisationDocument.class).stream()
                .filter(document -> !document.deleted())
                .map(OrganisationDocument::toOrganisation)
                .toList();
    }
}
