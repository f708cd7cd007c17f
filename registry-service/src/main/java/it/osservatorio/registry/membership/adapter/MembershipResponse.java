package it.osservatorio.registry.membership.adapter;

import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.membership.domain.MembershipRole;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

record MembershipResponse(
        String id,
        long version,
        String ownerInstitutionId,
        String organisationId,
        NetworkKind networkKind,
        String networkId,
        MembershipRole role,
        LocalDate validFrom,
        LocalDate validTo,
        Instant createdAt,
        Instant updatedAt) {

    static MembershipResponse of(Membership m) {
        MembershipTerms t = m.terms();
        return new MembershipResponse(
                m.id(),
                m.version(),
                m.ownerInstitutionId(),
                t.organisationId(),
                t.networkKind(),
                t.networkId(),
                t.role(),
                t.validFrom(),
                t.validTo(),
                m.createdAt(),
                m.updatedAt());
    }

    record Page(List<MembershipResponse> items, String nextCursor) {}
}
