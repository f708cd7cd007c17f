package it.osservatorio.registry.organisation.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.platform.ids.TimeOrderedIds;
import it.osservatorio.platform.outbox.OutboxRelay;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.platform.web.PreconditionFailedException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

@Service
public class OrganisationService {

    public static final String COLLECTION = "organisations";

    private final OrganisationStore store;
    private final OrganisationEvents events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final OrganisationSearchIndex index;

    public OrganisationService(
            OrganisationStore store, OrganisationSearchIndex index, EventCodec codec, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.index = index;
        this.events = new OrganisationEvents(codec);
        this.relay = relay;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
    }

    public Organisation register(OrganisationDetails details, CallerIdentity caller) {
        details.validate();
        // no look-up first: the unique index refuses a duplicate Partita IVA, and only then do we find the holder
        Organisation organisation =
                Organisation.register(ids.next("org-"), caller.institutionId(), details, clock.instant());
        PendingEvent event = events.changed(organisation);
        try {
            store.insert(organisation, event);
        } catch (OrganisationStore.DuplicatePartitaIvaException e) {
            rejectDuplicate(details.partitaIva(), null);
            rejectDuplicateExternalId(caller.institutionId(), details.externalId(), null);
            throw e;
        }
        index.put(organisation);
        relay.publishSoon(COLLECTION, organisation.id(), event);
        return organisation;
    }

    public Organisation update(String id, OrganisationDetails details, OptionalLong ifMatch, CallerIdentity caller) {
        Organisation current = get(id);
        caller.requireWriteAccess(current.ownerInstitutionId(), "Organisation '" + id + "'");
        requireVersion(current, ifMatch);
        details.validate();
        rejectDuplicate(details.partitaIva(), id);
        rejectDuplicateExternalId(current.ownerInstitutionId(), details.externalId(), id);
        Organisation updated = current.update(details, clock.instant());
        PendingEvent event = events.changed(updated);
        if (!store.update(updated, current.version(), event)) {
            throw stale(id, ifMatch.orElse(current.version()));
        }
        index.put(updated);
        relay.publishSoon(COLLECTION, id, event);
        return updated;
    }

    public void delete(String id, OptionalLong ifMatch, CallerIdentity caller) {
        Organisation current = get(id);
        caller.requireWriteAccess(current.ownerInstitutionId(), "Organisation '" + id + "'");
        requireVersion(current, ifMatch);
        PendingEvent tombstone = events.deleted(current, clock.instant());
        if (!store.markDeleted(id, current.version(), tombstone)) {
            throw stale(id, ifMatch.orElse(current.version()));
        }
        index.remove(id, tombstone.aggregateVersion());
        relay.publishSoon(COLLECTION, id, tombstone);
    }

    public Organisation get(String id) {
        return store.find(id).orElseThrow(() -> new ResourceNotFoundException("Organisation", id));
    }

    /** From the in-memory search projection (ADR 0011), not from the database. */
    public OrganisationSearchIndex.Page search(
            OrganisationFilter filter, OrganisationSort sort, String cursor, int limit) {
        return index.search(filter, sort, cursor, limit);
    }

    /** Every match in sort order, for an export that writes them out one by one. */
    public List<Organisation> export(OrganisationFilter filter, OrganisationSort sort) {
        return index.all(filter, sort);
    }

    private void requireVersion(Organisation current, OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != current.version()) {
            throw new PreconditionFailedException(
                    "Organisation '" + current.id() + "' is at version " + current.version() + ", not "
                            + ifMatch.getAsLong() + "; read it again and repeat your change",
                    current.version());
        }
    }

    private PreconditionFailedException stale(String id, long expected) {
        long now = store.find(id).map(Organisation::version).orElse(expected);
        return new PreconditionFailedException(
                "Organisation '" + id + "' was changed by another request (now at version " + now
                        + "); read it again and repeat your change",
                now);
    }

    private void rejectDuplicateExternalId(String ownerInstitutionId, String externalId, String exceptId) {
        if (externalId == null) {
            return;
        }
        store.findByExternalIds(ownerInstitutionId, List.of(externalId)).stream()
                .filter(existing -> !existing.id().equals(exceptId))
                .findFirst()
                .ifPresent(existing -> {
                    throw new ConflictException(
                            "externalId " + externalId + " is already used by your organisation '" + existing.id()
                                    + "' (" + existing.details().legalName() + ")",
                            URI.create("/organisations/" + existing.id()));
                });
    }

    private void rejectDuplicate(String partitaIva, String exceptId) {
        if (partitaIva == null) {
            return;
        }
        store.findByPartitaIva(partitaIva)
                .filter(existing -> !existing.id().equals(exceptId))
                .ifPresent(existing -> {
                    throw new ConflictException(
                            "Partita IVA " + partitaIva + " is already registered as organisation '" + existing.id()
                                    + "' (" + existing.details().legalName() + ")",
                            URI.create("/organisations/" + existing.id()));
                });
    }

    /**
     * Registers many organisations for one owner, each as one document write carrying its first event (one
     * insertMany round trip), then hands every event to the relay. Details must be valid already.
     *
     * @return per input, the registered organisation, or null where a unique key (Partita IVA, external id) was
     *     taken meanwhile
     */
    public List<Organisation> registerAll(List<OrganisationDetails> details, String ownerInstitutionId) {
        java.time.Instant now = clock.instant();
        List<Organisation> organisations = new java.util.ArrayList<>(details.size());
        List<PendingEvent> pending = new java.util.ArrayList<>(details.size());
        for (OrganisationDetails d : details) {
            Organisation organisation = Organisation.register(ids.next("org-"), ownerInstitutionId, d, now);
            organisations.add(organisation);
            pending.add(events.changed(organisation));
        }
        java.util.Set<Integer> failed = store.insertAll(organisations, pending);
        List<Organisation> registered = new java.util.ArrayList<>(organisations.size());
        for (int i = 0; i < organisations.size(); i++) {
            if (failed.contains(i)) {
                registered.add(null);
            } else {
                index.put(organisations.get(i));
                relay.publishSoon(COLLECTION, organisations.get(i).id(), pending.get(i));
                registered.add(organisations.get(i));
            }
        }
        return registered;
    }
}
