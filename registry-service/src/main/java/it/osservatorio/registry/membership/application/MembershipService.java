package it.osservatorio.registry.membership.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.platform.ids.TimeOrderedIds;
import it.osservatorio.platform.outbox.OutboxRelay;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.security.OwnershipViolationException;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.platform.web.PreconditionFailedException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.network.application.NetworkStore;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.organisation.application.OrganisationStore;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.validation.InvalidDetailsException;
import it.osservatorio.registry.validation.Violation;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;

/**
 * Memberships of organisations in clusters and filiere. Only the organisation's owning institution (or an admin) may
 * add one; the membership is then owned by the calling institution. Two memberships of the same organisation in the
 * same network may not share a day.
 */
@Service
public class MembershipService {

    public static final String COLLECTION = "memberships";
    private static final int STRIPES = 64;

    private final MembershipStore store;
    private final OrganisationStore organisations;
    private final NetworkStore networks;
    private final MembershipEvents events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final TimeOrderedIds ids;
    /** Serialises the overlap check and the write of one organisation in one network within this process. */
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public MembershipService(
            MembershipStore store,
            OrganisationStore organisations,
            NetworkStore networks,
            EventCodec codec,
            OutboxRelay relay,
            Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.networks = networks;
        this.events = new MembershipEvents(codec);
        this.relay = relay;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public Membership register(MembershipTerms terms, CallerIdentity caller) {
        Registration registration = registerAll(List.of(terms), caller).getFirst();
        if (registration.refusal() != null) {
            throw registration.refusal();
        }
        return registration.membership();
    }

    /** One row of {@link #registerAll}: the membership registered, or why the row was refused. */
    public record Registration(Membership membership, RuntimeException refusal) {}

    /**
     * Registers memberships with the checks of {@link #register} each, reading the stored memberships of the rows'
     * organisations, the organisations and the networks once for all rows (the embedded MongoDB scans a collection
     * for each query). A row overlapping an earlier row of the same call is refused like one overlapping a stored
     * membership.
     */
    public List<Registration> registerAll(List<MembershipTerms> rows, CallerIdentity caller) {
        List<ReentrantLock> locks = rows.stream()
                .map(this::stripeIndex)
                .distinct()
                .sorted()
                .map(index -> stripes[index])
                .toList();
        locks.forEach(ReentrantLock::lock); // in stripe order, so that two calls cannot deadlock
        List<Registration> registrations = new ArrayList<>(rows.size());
        List<PendingEvent> published = new ArrayList<>();
        try {
            List<String> organisationIds = rows.stream()
                    .map(MembershipTerms::organisationId)
                    .distinct()
                    .toList();
            Map<String, List<Membership>> byPair = new HashMap<>();
            for (Membership stored : store.ofOrganisations(organisationIds)) {
                byPair.computeIfAbsent(pair(stored.terms()), key -> new ArrayList<>())
                        .add(stored);
            }
            Map<String, Organisation> organisationsById = new HashMap<>();
            organisations
                    .findAll(organisationIds)
                    .forEach(organisation -> organisationsById.put(organisation.id(), organisation));
            Map<String, Optional<Network>> networksById = new HashMap<>();
            List<Membership> accepted = new ArrayList<>();
            for (MembershipTerms terms : rows) {
                try {
                    terms.validate();
                    requireReferences(
                            terms,
                            caller,
                            Optional.ofNullable(organisationsById.get(terms.organisationId())),
                            networksById.computeIfAbsent(terms.networkId(), networks::find));
                    List<Membership> samePair = byPair.computeIfAbsent(pair(terms), key -> new ArrayList<>());
                    rejectOverlap(terms, null, samePair);
                    Membership membership = Membership.register(
                            ids.next("membership-"), caller.institutionId(), terms, clock.instant());
                    samePair.add(membership);
                    accepted.add(membership);
                    published.add(events.changed(membership));
                    registrations.add(new Registration(membership, null));
                } catch (InvalidDetailsException | ConflictException | OwnershipViolationException e) {
                    registrations.add(new Registration(null, e));
                }
            }
            if (!accepted.isEmpty()) {
                store.insertAll(accepted, published);
            }
        } finally {
            locks.forEach(ReentrantLock::unlock);
        }
        for (Registration registration : registrations) {
            if (registration.membership() != null) {
                relay.publishSoon(COLLECTION, registration.membership().id(), published.removeFirst());
            }
        }
        return registrations;
    }

    private static String pair(MembershipTerms terms) {
        return terms.organisationId() + "|" + terms.networkKind() + "|" + terms.networkId();
    }

    public Membership update(String id, MembershipTerms terms, OptionalLong ifMatch, CallerIdentity caller) {
        Membership current = get(id);
        caller.requireWriteAccess(current.ownerInstitutionId(), describe(id));
        requireVersion(current, ifMatch);
        terms.validate();
        if (!terms.organisationId().equals(current.organisationId())) {
            requireReferences(terms, caller);
        } else {
            requireNetwork(terms);
        }
        Membership updated = current.update(terms, clock.instant());
        PendingEvent event = events.changed(updated);
        ReentrantLock stripe = stripe(terms);
        stripe.lock();
        try {
            rejectOverlap(terms, id);
            if (!store.update(updated, current.version(), event)) {
                throw stale(id, ifMatch.orElse(current.version()));
            }
        } finally {
            stripe.unlock();
        }
        relay.publishSoon(COLLECTION, id, event);
        return updated;
    }

    public void delete(String id, OptionalLong ifMatch, CallerIdentity caller) {
        Membership current = get(id);
        caller.requireWriteAccess(current.ownerInstitutionId(), describe(id));
        requireVersion(current, ifMatch);
        PendingEvent tombstone = events.deleted(current, clock.instant());
        if (!store.markDeleted(id, current.version(), tombstone)) {
            throw stale(id, ifMatch.orElse(current.version()));
        }
        relay.publishSoon(COLLECTION, id, tombstone);
    }

    public Membership get(String id) {
        return store.find(id).orElseThrow(() -> new ResourceNotFoundException("Membership", id));
    }

    public List<Membership> search(MembershipFilter filter, String afterId, int limit) {
        return store.search(filter, afterId, limit);
    }

    /** Every membership of a registered organisation (active on the date when given); 404 for an unknown one. */
    public List<Membership> ofOrganisation(String organisationId, LocalDate activeOn) {
        if (organisations.find(organisationId).isEmpty()) {
            throw new ResourceNotFoundException("Organisation", organisationId);
        }
        return store.search(new MembershipFilter(organisationId, null, null, activeOn), null, Integer.MAX_VALUE);
    }

    /** 400 naming organisationId and/or networkId when they are not registered; 403 unless the caller may write the organisation. */
    private void requireReferences(MembershipTerms terms, CallerIdentity caller) {
        requireReferences(terms, caller, organisations.find(terms.organisationId()), networks.find(terms.networkId()));
    }

    private static void requireReferences(
            MembershipTerms terms,
            CallerIdentity caller,
            Optional<Organisation> organisation,
            Optional<Network> network) {
        List<Violation> violations = new ArrayList<>();
        if (organisation.isEmpty()) {
            violations.add(new Violation(
                    "organisationId",
                    "no organisation '" + terms.organisationId()
                            + "' is registered; register it first (POST /organisations)"));
        }
        unknownNetwork(terms, network).ifPresent(violations::add);
        if (!violations.isEmpty()) {
            throw new InvalidDetailsException(violations);
        }
        caller.requireWriteAccess(
                organisation.get().ownerInstitutionId(), "Organisation '" + terms.organisationId() + "'");
    }

    private void requireNetwork(MembershipTerms terms) {
        unknownNetwork(terms, networks.find(terms.networkId())).ifPresent(violation -> {
            throw new InvalidDetailsException(List.of(violation));
        });
    }

    private static Optional<Violation> unknownNetwork(MembershipTerms terms, Optional<Network> network) {
        boolean known =
                network.filter(found -> found.kind() == terms.networkKind()).isPresent();
        if (known) {
            return Optional.empty();
        }
        return Optional.of(new Violation(
                "networkId",
                "no " + terms.networkKind().label().toLowerCase() + " '" + terms.networkId()
                        + "' is registered; use the id of one listed at /"
                        + terms.networkKind().collection()));
    }

    private void rejectOverlap(MembershipTerms terms, String exceptId) {
        MembershipFilter sameNetwork =
                new MembershipFilter(terms.organisationId(), terms.networkKind(), terms.networkId(), null);
        rejectOverlap(terms, exceptId, store.search(sameNetwork, null, Integer.MAX_VALUE));
    }

    /** @param sameNetwork the memberships of the same organisation in the same network */
    private static void rejectOverlap(MembershipTerms terms, String exceptId, List<Membership> sameNetwork) {
        sameNetwork.stream()
                .filter(existing -> !existing.id().equals(exceptId))
                .filter(existing -> existing.terms().overlaps(terms))
                .findFirst()
                .ifPresent(existing -> {
                    throw new ConflictException(
                            "Organisation '" + terms.organisationId() + "' is already a member of "
                                    + terms.networkKind().label().toLowerCase() + " '" + terms.networkId()
                                    + "' from " + existing.terms().validFrom() + " to "
                                    + (existing.terms().validTo() == null
                                            ? "no end date"
                                            : existing.terms().validTo())
                                    + " as membership '" + existing.id()
                                    + "'; change that one or choose dates that do not overlap",
                            URI.create("/memberships/" + existing.id()));
                });
    }

    private ReentrantLock stripe(MembershipTerms terms) {
        return stripes[stripeIndex(terms)];
    }

    private int stripeIndex(MembershipTerms terms) {
        return Math.floorMod((terms.organisationId() + "|" + terms.networkId()).hashCode(), STRIPES);
    }

    private static String describe(String id) {
        return "Membership '" + id + "'";
    }

    private void requireVersion(Membership current, OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != current.version()) {
            throw new PreconditionFailedException(
                    describe(current.id()) + " is at version " + current.version() + ", not " + ifMatch.getAsLong()
                            + "; read it again and repeat your change",
                    current.version());
        }
    }

    private PreconditionFailedException stale(String id, long expected) {
        long now = store.find(id).map(Membership::version).orElse(expected);
        return new PreconditionFailedException(
                describe(id) + " was changed by another request (now at version " + now
                        + "); read it again and repeat your change",
                now);
    }
}
