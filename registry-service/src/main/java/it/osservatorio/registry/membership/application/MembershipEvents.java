package it.osservatorio.registry.membership.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import java.time.Instant;

/** Turns a membership's new state into the integration event that carries it. */
final class MembershipEvents {

    private final EventCodec codec;

    MembershipEvents(EventCodec codec) {
        this.codec = codec;
    }

    PendingEvent changed(Membership membership) {
        MembershipTerms terms = membership.terms();
        MembershipChanged event = new MembershipChanged(
                membership.id(),
                membership.version(),
                membership.version() == 1 ? MembershipChanged.Change.REGISTERED : MembershipChanged.Change.UPDATED,
                membership.ownerInstitutionId(),
                terms.organisationId(),
                NetworkChanged.Kind.valueOf(terms.networkKind().name()),
                terms.networkId(),
                MembershipChanged.Role.valueOf(terms.role().name()),
                terms.validFrom(),
                terms.validTo(),
                membership.updatedAt());
        return PendingEvent.of(codec.envelope(event, membership.updatedAt()));
    }

    PendingEvent deleted(Membership membership, Instant now) {
        return PendingEvent.of(
                codec.tombstone(EventType.MEMBERSHIP_DELETED, membership.id(), membership.version() + 1, now));
    }
}
