package it.osservatorio.registry.network.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.outbox.VersionedDocuments;
import it.osservatorio.registry.network.application.NetworkStore;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkDetails;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Queries use exactly the keys of an index ({@code _id}, {@code acronymKey}, {@code _id + version}): the embedded
 * MongoDB server uses an index only then. Updates are conditional on the expected version and push the new pending
 * event atomically, so that a write racing with the outbox relay neither loses nor re-adds an event.
 */
@Repository
class MongoNetworkStore implements NetworkStore {

    private final MongoTemplate mongo;
    private final VersionedDocuments versioned;

    MongoNetworkStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(NetworkDocument.class)
                .createIndex(new Index("acronymKey", Sort.Direction.ASC)
                        .unique()
                        .sparse()
                        .named("unique_kind_acronym"));
        this.versioned = new VersionedDocuments(mongo, NetworkDocument.class);
    }

    @Override
    public void insert(Network network, PendingEvent event) {
        try {
            mongo.insert(NetworkDocument.of(network, event));
        } catch (DuplicateKeyException e) {
            throw new DuplicateAcronymException(
                    network.kind(), network.details().acronym());
        }
    }

    @Override
    public boolean update(Network network, long expectedVersion, PendingEvent event) {
        NetworkDetails d = network.details();
        Update update = new Update()
                .set("version", network.version())
                .set("name", d.name())
                .set("ecosystems", d.ecosystems())
                .set("technologyAreas", d.technologyAreas())
                .set("seats", d.seats())
                .set("updatedAt", network.updatedAt());
        VersionedDocuments.setOrUnset(update, "acronym", d.acronym());
        VersionedDocuments.setOrUnset(update, "acronymKey", NetworkDocument.acronymKey(network.kind(), d.acronym()));
        VersionedDocuments.setOrUnset(update, "nameEn", d.nameEn());
        VersionedDocuments.setOrUnset(update, "managingBody", d.managingBody());
        VersionedDocuments.setOrUnset(update, "foundingYear", d.foundingYear());
        VersionedDocuments.setOrUnset(update, "recognitionStatus", d.recognitionStatus());
        VersionedDocuments.setOrUnset(update, "website", d.website());
        VersionedDocuments.setOrUnset(update, "territory", d.territory());
        try {
            return versioned.updateIfCurrent(network.id(), expectedVersion, update, event);
        } catch (DuplicateKeyException e) {
            throw new DuplicateAcronymException(network.kind(), d.acronym());
        }
    }

    @Override
    public boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone) {
        // without its acronymKey a deleted network no longer blocks a new one with the same acronym
        return versioned.markDeleted(id, expectedVersion, tombstone, "acronymKey");
    }

    @Override
    public Optional<Network> find(String id) {
        return Optional.ofNullable(mongo.findById(id, NetworkDocument.class))
                .filter(document -> !document.deleted())
                .map(NetworkDocument::toNetwork);
    }

    @Override
    public Optional<Network> findByAcronym(NetworkKind kind, String acronym) {
        Query query = new Query(where("acronymKey").is(NetworkDocument.acronymKey(kind, acronym)));
        return Optional.ofNullable(mongo.findOne(query, NetworkDocument.class))
                .filter(document -> !document.deleted())
                .map(NetworkDocument::toNetwork);
    }

    @Override
    public List<Network> list(NetworkKind kind, String afterId, int limit) {
        Criteria criteria =
                where(OutboxCollection.DELETED_FIELD).ne(true).and("kind").is(kind);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        Query query = new Query(criteria).with(Sort.by("_id")).limit(limit);
        return mongo.find(query, NetworkDocument.class).stream()
                .map(NetworkDocument::toNetwork)
                .toList();
    }

    /**
     * Exactly the keys of the unique {@code _id + version} index, so the embedded server does not scan the
     * collection. A deleted network cannot match a version the caller read from it: deleting bumps the version.
     */
}
