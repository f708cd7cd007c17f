package it.osservatorio.contracts.registry;

import it.osservatorio.contracts.StateEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The whole current state of an organisation's membership of a technology cluster or filiera, after it was
 * registered or updated: valid from {@code validFrom} to {@code validTo} inclusive ({@code null}: still valid). Its
 * deletion is a tombstone on {@link it.osservatorio.contracts.Topics#MEMBERSHIPS}.
 */
public record MembershipChanged(
        String membershipId,
        long version,
        Change change,
        String ownerInstitutionId,
        String organisationId,
        NetworkChanged.Kind networkKind,
        String networkId,
        Role role,
        LocalDate validFrom,
        LocalDate validTo,
        Instant changedAt)
        implements StateEvent {

    @Override
    public String aggregateId() {
        return membershipId;
    }

    public enum Change {
        REGISTERED,
        UPDATED
    }

    /** Socio fondatore, associato, capofila (of a filiera), partner. */
    public enum Role {
        FOUNDER,
        ASSOCIATE,
        LEAD,
        PARTNER
    }
}
