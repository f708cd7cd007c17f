package it.osservatorio.registry.membership;

import static it.osservatorio.registry.membership.MembershipTermsFixture.aMembership;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.registry.membership.application.MemberCounts;
import it.osservatorio.registry.membership.application.MemberStatistics;
import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.network.NetworkDetailsFixture;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberStatisticsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Network AFIL = network("cluster-afil", NetworkKind.CLUSTER, "AFIL");
    private static final Network CLAB = network("cluster-clab", NetworkKind.CLUSTER, "CLAB");
    private static final Network LATTE = network("filiera-latte", NetworkKind.FILIERA, "LATTE");
    private static final Map<String, OrganisationType> TYPES = Map.of(
            "org-impresa-1", OrganisationType.IMPRESA,
            "org-impresa-2", OrganisationType.IMPRESA,
            "org-unimi", OrganisationType.ORGANISMO_DI_RICERCA,
            "org-camera", OrganisationType.ALTRO_ENTE);

    @Test
    void shouldSplitMembersByTypePerNetworkWhenMembershipsAreActiveOnTheDate() {
        List<Membership> memberships = List.of(
                member("m1", "org-impresa-1", AFIL, "2020-01-01", null),
                member("m2", "org-impresa-2", AFIL, "2020-01-01", "2024-12-31"),
                member("m3", "org-unimi", AFIL, "2021-06-01", null),
                member("m4", "org-camera", CLAB, "2019-01-01", null),
                member("m5", "org-impresa-1", CLAB, "2023-01-01", null),
                member("m6", "org-impresa-1", LATTE, "2023-01-01", null));

        MemberStatistics.Report report = MemberStatistics.compute(
                LocalDate.of(2024, 6, 30), null, List.of(LATTE, CLAB, AFIL), memberships, TYPES);

        assertThat(report.networks())
                .extracting(MemberStatistics.NetworkMembers::acronym)
                .containsExactly("AFIL", "CLAB", "LATTE");
        assertThat(report.networks().get(0).members()).isEqualTo(new MemberCounts(2, 1, 0, 3));
        assertThat(report.networks().get(1).members()).isEqualTo(new MemberCounts(1, 0, 1, 2));
        assertThat(totals(report, "CLUSTER").sumOverNetworks()).isEqualTo(new MemberCounts(3, 1, 1, 5));
        assertThat(totals(report, "CLUSTER").distinctOrganisations()).isEqualTo(new MemberCounts(2, 1, 1, 4));
        assertThat(totals(report, "FILIERA").sumOverNetworks()).isEqualTo(new MemberCounts(1, 0, 0, 1));
        assertThat(totals(report, "ALL").sumOverNetworks()).isEqualTo(new MemberCounts(4, 1, 1, 6));
        assertThat(totals(report, "ALL").distinctOrganisations()).isEqualTo(new MemberCounts(2, 1, 1, 4));
    }

    @Test
    void shouldCountOnlyMembershipsValidOnTheDateWhenDateIsBeforeWithinOrAfterValidity() {
        List<Membership> memberships = List.of(member("m1", "org-impresa-1", AFIL, "2022-01-01", "2022-12-31"));

        assertThat(afilTotal(memberships, "2021-12-31")).isZero();
        assertThat(afilTotal(memberships, "2022-01-01")).isEqualTo(1);
        assertThat(afilTotal(memberships, "2022-12-31")).isEqualTo(1);
        assertThat(afilTotal(memberships, "2023-01-01")).isZero();
    }

    @Test
    void shouldIgnoreMembershipWhenOrganisationNoLongerExistsOrNetworkIsNotReported() {
        List<Membership> memberships = List.of(
                member("m1", "org-deleted", AFIL, "2020-01-01", null),
                member(
                        "m2",
                        "org-impresa-1",
                        network("cluster-gone", NetworkKind.CLUSTER, "GONE"),
                        "2020-01-01",
                        null));

        MemberStatistics.Report report =
                MemberStatistics.compute(LocalDate.of(2024, 1, 1), null, List.of(AFIL), memberships, TYPES);

        assertThat(report.networks()).singleElement().satisfies(row -> assertThat(row.members())
                .isEqualTo(MemberCounts.NONE));
        assertThat(totals(report, "ALL").distinctOrganisations()).isEqualTo(MemberCounts.NONE);
    }

    @Test
    void shouldCountOrganisationOnceWhenItHasTwoMembershipsOfTheSameNetwork() {
        List<Membership> memberships = List.of(
                member("m1", "org-impresa-1", AFIL, "2020-01-01", "2021-12-31"),
                member("m2", "org-impresa-1", AFIL, "2021-06-01", null));

        assertThat(afilTotal(memberships, "2021-07-01")).isEqualTo(1);
    }

    @Test
    void shouldReportOnlyTheKindAskedWhenNetworkKindIsGiven() {
        List<Membership> memberships = List.of(
                member("m1", "org-impresa-1", AFIL, "2020-01-01", null),
                member("m2", "org-unimi", LATTE, "2020-01-01", null));

        MemberStatistics.Report report = MemberStatistics.compute(
                LocalDate.of(2024, 1, 1), NetworkKind.FILIERA, List.of(AFIL, LATTE), memberships, TYPES);

        assertThat(report.networks())
                .extracting(MemberStatistics.NetworkMembers::networkId)
                .containsExactly("filiera-latte");
        assertThat(report.totals()).extracting(MemberStatistics.Totals::scope).containsExactly("FILIERA", "ALL");
        assertThat(totals(report, "ALL").sumOverNetworks()).isEqualTo(new MemberCounts(0, 1, 0, 1));
    }

    private static int afilTotal(List<Membership> memberships, String asOf) {
        return MemberStatistics.compute(LocalDate.parse(asOf), null, List.of(AFIL), memberships, TYPES)
                .networks()
                .getFirst()
                .members()
                .total();
    }

    private static MemberStatistics.Totals totals(MemberStatistics.Report report, String scope) {
        return report.totals().stream()
                .filter(t -> t.scope().equals(scope))
                .findFirst()
                .orElseThrow();
    }

    private static Membership member(String id, String organisationId, Network network, String from, String to) {
        return Membership.register(
                id,
                "regione-lombardia",
                aMembership()
                        .organisation(organisationId)
                        .network(network.kind(), network.id())
                        .valid(from, to)
                        .build(),
                NOW);
    }

    private static Network network(String id, NetworkKind kind, String acronym) {
        return Network.register(
                id,
                kind,
                "regione-lombardia",
                NetworkDetailsFixture.aCluster().acronym(acronym).build(),
                NOW);
    }
}
