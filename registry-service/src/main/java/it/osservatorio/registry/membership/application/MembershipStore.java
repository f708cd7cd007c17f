package it.osservatorio.registry.membership.application;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.membership.domain.Membership;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Persistence of memberships, each write together with its pending event in one document write. */
public interface MembershipStore {

    /** Inserts each membership with its own first pending event (one document each), in one round trip. */
    void insertAll(List<Membership> memberships, List<PendingEvent> events);

    /** @return false when the stored version is no longer {@code expectedVersion} */
    boolean update(Membership membership, long expectedVersion, PendingEvent event);

    /** Marks it deleted with its tombstone; the outbox relay removes it once the tombstone is published. */
    boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone);

    Optional<Membership> find(String id);

    /** Memberships (not deleted) of these organisations, in any network, in one query. */
    List<Membership> ofOrganisations(Collection<String> organisationIds);

    /** Memberships (not deleted) matching the filter, ordered by id, after {@code afterId} when given. */
    List<Membership> search(MembershipFilter filter, String afterId, int limit);
}
