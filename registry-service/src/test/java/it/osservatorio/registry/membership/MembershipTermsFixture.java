package it.osservatorio.registry.membership;

import it.osservatorio.registry.membership.domain.MembershipRole;
import it.osservatorio.registry.membership.domain.MembershipTerms;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.LocalDate;

/** Valid membership terms (an associate of a cluster since 2020, still valid) unless a field is changed. */
public final class MembershipTermsFixture {

    private String organisationId = "org-latteria-soresina";
    private NetworkKind networkKind = NetworkKind.CLUSTER;
    private String networkId = "cluster-afil";
    private MembershipRole role = MembershipRole.ASSOCIATE;
    private LocalDate validFrom = LocalDate.of(2020, 1, 1);
    private LocalDate validTo;

    public static MembershipTermsFixture aMembership() {
        return new MembershipTermsFixture();
    }

    public MembershipTermsFixture organisation(String organisationId) {
        this.organisationId = organisationId;
        return this;
    }

    public MembershipTermsFixture network(NetworkKind networkKind, String networkId) {
        this.networkKind = networkKind;
        this.networkId = networkId;
        return this;
    }

    public MembershipTermsFixture role(MembershipRole role) {
        this.role = role;
        return this;
    }

    public MembershipTermsFixture valid(String validFrom, String validTo) {
        this.validFrom = validFrom == null ? null : LocalDate.parse(validFrom);
        this.validTo = validTo == null ? null : LocalDate.parse(validTo);
        return this;
    }

    public MembershipTerms build() {
        return new MembershipTerms(organisationId, networkKind, networkId, role, validFrom, validTo);
    }
}
