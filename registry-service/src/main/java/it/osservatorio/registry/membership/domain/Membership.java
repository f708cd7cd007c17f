package it.osservatorio.registry.membership.domain;

import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An organisation's membership of a cluster or filiera, valid from {@code validFrom} to {@code validTo} inclusive
 * ({@code null}: still valid), so that members can be counted as of any date.
 */
public record Membership(
        String id,
        long version,
        String ownerInstitutionId,
        MembershipTerms terms,
        Instant createdAt,
        Instant updatedAt) {

    public static Membership register(String id, String ownerInstitutionId, MembershipTerms terms, Instant now) {
        return new Membership(id, 1, ownerInstitutionId, terms.validate(), now, now);
    }

    public Membership update(MembershipTerms newTerms, Instant now) {
        return new Membership(id, version + 1, ownerInstitutionId, newTerms.validate(), createdAt, now);
    }

    public boolean isActiveOn(LocalDate date) {
        return terms.isActiveOn(date);
    }

    public String organisationId() {
        return terms.organisationId();
    }

    public NetworkKind networkKind() {
        return terms.networkKind();
    }

    public String networkId() {
        return terms.networkId();
    }
}
