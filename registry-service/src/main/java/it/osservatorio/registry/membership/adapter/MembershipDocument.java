package it.osservatorio.registry.membership.adapter;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.membership.domain.MembershipRole;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A membership as stored, with the events not yet acknowledged by the broker. Dates are ISO-8601 strings
 * ({@code 2024-01-31}), which compare in date order and need no time zone; {@code validTo} is absent while open.
 */
@Document("memberships")
record MembershipDocument(
        @Id String id,
        long version,
        String ownerInstitutionId,
        String organisationId,
        NetworkKind networkKind,
        String networkId,
        MembershipRole role,
        String validFrom,
        String validTo,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted,
        List<PendingEvent> pendingEvents) {

    static MembershipDocument of(Membership membership, PendingEvent event) {
        MembershipTerms t = membership.terms();
        return new MembershipDocument(
                membership.id(),
                membership.version(),
                membership.ownerInstitutionId(),
                t.organisationId(),
                t.networkKind(),
                t.networkId(),
                t.role(),
                date(t.validFrom()),
                date(t.validTo()),
                membership.createdAt(),
                membership.updatedAt(),
                false,
                List.of(event));
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    Membership toMembership() {
        return new Membership(
                id,
                version,
                ownerInstitutionId,
                new MembershipTerms(
                        organisationId,
                        networkKind,
                        networkId,
                        role,
                        LocalDate.parse(validFrom),
                        validTo == null ? null : LocalDate.parse(validTo)),
                createdAt,
                updatedAt);
    }
}
