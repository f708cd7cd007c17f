package it.osservatorio.registry.membership.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.outbox.VersionedDocuments;
import it.osservatorio.registry.membership.application.MembershipFilter;
import it.osservatorio.registry.membership.application.MembershipStore;
import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Reads by id and conditional writes use exactly the keys of a unique index ({@code _id}, {@code _id + version}).
 * Searches by organisation, network or date scan the collection on the embedded MongoDB server, which ignores
 * non-unique indexes; the registry holds a few thousand memberships, and a real MongoDB would want an index on
 * {@code organisationId} and {@code networkId}.
 */
@Repository
class MongoMembershipStore implements MembershipStore {

    private final MongoTemplate mongo;
    private final VersionedDocuments versioned;

    MongoMembershipStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.versioned = new VersionedDocuments(mongo, MembershipDocument.class);
    }

    @Override
    public void insertAll(List<Membership> memberships, List<PendingEvent> events) {
        List<MembershipDocument> documents = new ArrayList<>(memberships.size());
        for (int i = 0; i < memberships.size(); i++) {
            documents.add(MembershipDocument.of(memberships.get(i), events.get(i)));
        }
        mongo.insertAll(documents);
    }

    @Override
    public boolean update(Membership membership, long expectedVersion, PendingEvent event) {
        MembershipTerms t = membership.terms();
        Update update = new Update()
                .set("version", membership.version())
                .set("organisationId", t.organisationId())
                .set("networkKind", t.networkKind())
                .set("networkId", t.networkId())
                .set("role", t.role())
                .set("validFrom", MembershipDocument.date(t.validFrom()))
                .set("updatedAt", membership.updatedAt());
        if (t.validTo() == null) {
            update.unset("validTo");
        } else {
            update.set("validTo", MembershipDocument.date(t.validTo()));
        }
        return versioned.updateIfCurrent(membership.id(), expectedVersion, update, event);
    }

    @Override
    public boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone) {
        return versioned.markDeleted(id, expectedVersion, tombstone);
    }

    @Override
    public Optional<Membership> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MembershipDocument.class))
                .filter(document -> !document.deleted())
                .map(MembershipDocument::toMembership);
    }

    @Override
    public List<Membership> ofOrganisations(Collection<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        Query query = new Query(where(OutboxCollection.DELETED_FIELD)
                .ne(true)
                .and("organisationId")
                .in(organisationIds));
        return mongo.find(query, MembershipDocument.class).stream()
                .map(MembershipDocument::toMembership)
                .toList();
    }

    @Override
    public List<Membership> search(MembershipFilter filter, String afterId, int limit) {
        Criteria criteria = where(OutboxCollection.DELETED_FIELD).ne(true);
        if (filter.organisationId() != null) {
            criteria = criteria.and("organisationId").is(filter.organisationId());
        }
        if (filter.networkKind() != null) {
            criteria = criteria.and("networkKind").is(filter.networkKind());
        }
        if (filter.networkId() != null) {
            criteria = criteria.and("networkId").is(filter.networkId());
        }
        if (filter.activeOn() != null) {
            String day = MembershipDocument.date(filter.activeOn());
            criteria = criteria.and("validFrom")
                    .lte(day)
                    .orOperator(where("validTo").is(null), where("validTo").gte(day));
        }
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        Query query = new Query(criteria).with(Sort.by("_id"));
        if (limit < Integer.MAX_VALUE) {
            query.limit(limit);
        }
        return mongo.find(query, MembershipDocument.class).stream()
                .map(MembershipDocument::toMembership)
                .toList();
    }
}
