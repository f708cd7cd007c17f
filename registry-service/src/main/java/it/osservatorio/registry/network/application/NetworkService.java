package it.osservatorio.registry.network.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.platform.ids.TimeOrderedIds;
import it.osservatorio.platform.outbox.OutboxRelay;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.platform.web.PreconditionFailedException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkDetails;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/** Technology clusters and filiere; each operation names the kind its API serves, so an id of the other kind is 404. */
@Service
public class NetworkService {

    public static final String COLLECTION = "networks";

    private final NetworkStore store;
    private final NetworkEvents events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final TimeOrderedIds ids;

    public NetworkService(NetworkStore store, EventCodec codec, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.events = new NetworkEvents(codec);
        this.relay = relay;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
    }

    public Network register(NetworkKind kind, NetworkDetails details, CallerIdentity caller) {
        details.validate(kind);
        String id = ids.next(kind.name().toLowerCase(Locale.ROOT) + "-");
        Network network = Network.register(id, kind, caller.institutionId(), details, clock.instant());
        PendingEvent event = events.changed(network);
        try {
            store.insert(network, event);
        } catch (NetworkStore.DuplicateAcronymException e) {
            rejectDuplicate(kind, details.acronym(), null);
            throw e;
        }
        relay.publishSoon(COLLECTION, network.id(), event);
        return network;
    }

    public Network update(
            NetworkKind kind, String id, NetworkDetails details, OptionalLong ifMatch, CallerIdentity caller) {
        Network current = get(kind, id);
        caller.requireWriteAccess(current.ownerInstitutionId(), describe(kind, id));
        requireVersion(current, ifMatch);
        details.validate(kind);
        rejectDuplicate(kind, details.acronym(), id);
        Network updated = current.update(details, clock.instant());
        PendingEvent event = events.changed(updated);
        boolean written;
        try {
            written = store.update(updated, current.version(), event);
        } catch (NetworkStore.DuplicateAcronymException e) {
            rejectDuplicate(kind, details.acronym(), id);
            throw e;
        }
        if (!written) {
            throw stale(current, ifMatch.orElse(current.version()));
        }
        relay.publishSoon(COLLECTION, id, event);
        return updated;
    }

    public void delete(NetworkKind kind, String id, OptionalLong ifMatch, CallerIdentity caller) {
        Network current = get(kind, id);
        caller.requireWriteAccess(current.ownerInstitutionId(), describe(kind, id));
        requireVersion(current, ifMatch);
        PendingEvent tombstone = events.deleted(current, clock.instant());
        if (!store.markDeleted(id, current.version(), tombstone)) {
            throw stale(current, ifMatch.orElse(current.version()));
        }
        relay.publishSoon(COLLECTION, id, tombstone);
    }

    public Network get(NetworkKind kind, String id) {
        return store.find(id)
                .filter(network -> network.kind() == kind)
                .orElseThrow(() -> new ResourceNotFoundException(kind.label(), id));
    }

    public List<Network> list(NetworkKind kind, String afterId, int limit) {
        return store.list(kind, afterId, limit);
    }

    private static String describe(NetworkKind kind, String id) {
        return kind.label() + " '" + id + "'";
    }

    private void requireVersion(Network current, OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != current.version()) {
            throw new PreconditionFailedException(
                    describe(current.kind(), current.id()) + " is at version " + current.version() + ", not "
                            + ifMatch.getAsLong() + "; read it again and repeat your change",
                    current.version());
        }
    }

    private PreconditionFailedException stale(Network current, long expected) {
        long now = store.find(current.id()).map(Network::version).orElse(expected);
        return new PreconditionFailedException(
                describe(current.kind(), current.id()) + " was changed by another request (now at version " + now
                        + "); read it again and repeat your change",
                now);
    }

    private void rejectDuplicate(NetworkKind kind, String acronym, String exceptId) {
        if (acronym == null) {
            return;
        }
        store.findByAcronym(kind, acronym)
                .filter(existing -> !existing.id().equals(exceptId))
                .ifPresent(existing -> {
                    throw new ConflictException(
                            kind.label() + " acronym " + acronym + " is already used by '" + existing.id() + "' ("
                                    + existing.details().name() + "); choose another acronym or update that one",
                            URI.create("/" + kind.collection() + "/" + existing.id()));
                });
    }
}
