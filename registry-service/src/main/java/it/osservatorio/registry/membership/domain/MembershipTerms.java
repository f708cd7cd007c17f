package it.osservatorio.registry.membership.domain;

import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.validation.InvalidDetailsException;
import it.osservatorio.registry.validation.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Who belongs to which network, in which role, over which dates (both inclusive; no end date: still valid). */
public record MembershipTerms(
        String organisationId,
        NetworkKind networkKind,
        String networkId,
        MembershipRole role,
        LocalDate validFrom,
        LocalDate validTo) {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** @throws InvalidDetailsException listing every broken rule */
    public MembershipTerms validate() {
        List<Violation> violations = new ArrayList<>();
        if (organisationId == null || organisationId.isBlank()) {
            violations.add(new Violation("organisationId", "is required: the id of a registered organisation"));
        }
        if (networkKind == null) {
            violations.add(new Violation("networkKind", "is required: CLUSTER or FILIERA"));
        }
        if (networkId == null || networkId.isBlank()) {
            violations.add(new Violation("networkId", "is required: the id of a cluster or filiera, e.g. AFIL"));
        }
        if (role == null) {
            violations.add(new Violation("role", "is required: one of FOUNDER, ASSOCIATE, LEAD, PARTNER"));
        }
        if (validFrom == null) {
            violations.add(new Violation("validFrom", "is required: the first day of the membership, e.g. 2022-01-01"));
        } else if (validFrom.isBefore(EARLIEST)) {
            violations.add(new Violation("validFrom", "must be on or after " + EARLIEST));
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            violations.add(
                    new Violation("validTo", "must be on or after validFrom (" + validFrom + "); got " + validTo));
        }
        if (!violations.isEmpty()) {
            throw new InvalidDetailsException(violations);
        }
        return this;
    }

    public boolean isActiveOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || !date.isAfter(validTo));
    }

    /** Whether the two periods share at least one day. */
    public boolean overlaps(MembershipTerms other) {
        LocalDate end = validTo == null ? LocalDate.MAX : validTo;
        LocalDate otherEnd = other.validTo == null ? LocalDate.MAX : other.validTo;
        return !validFrom.isAfter(otherEnd) && !other.validFrom.isAfter(end);
    }
}
