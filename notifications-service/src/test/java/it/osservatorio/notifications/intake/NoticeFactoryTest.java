package it.osservatorio.notifications.intake;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.IndicatorStatusChanged;
import it.osservatorio.contracts.projects.CallClosingSoon;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.Notice;
import it.osservatorio.notifications.subscription.domain.Profile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeFactoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static ProjectChanged project(ProjectChanged.ProjectStatus status, long version) {
        return new ProjectChanged(
                "prj-1",
                version,
                ProjectChanged.Change.UPDATED,
                "provincia-cremona",
                "B12C34000000001",
                "Polo della cosmesi",
                "COSMO",
                "Laboratori condivisi",
                new ProjectChanged.Programme(ProjectChanged.ProgrammeKind.FESR, null, null, null, null, "POR FESR"),
                null,
                3,
                null,
                "Salute e Life Science",
                List.of("019036", "015146"),
                status,
                null,
                null,
                new BigDecimal("250000.00"),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                false,
                NOW,
                List.of(3));
    }

    @Test
    void shouldMakeOneNoticePerProjectWhenItIsApproved() {
        assertThat(NoticeFactory.approved(project(ProjectChanged.ProjectStatus.PROPOSED, 1)))
                .isEmpty();

        Notice approved = NoticeFactory.approved(project(ProjectChanged.ProjectStatus.APPROVED, 2))
                .orElseThrow();
        Notice updatedLater = NoticeFactory.approved(project(ProjectChanged.ProjectStatus.APPROVED, 3))
                .orElseThrow();

        assertThat(approved.kind()).isEqualTo(EventKind.PROJECT_APPROVED);
        assertThat(approved.key()).isEqualTo(updatedLater.key()).isEqualTo("project.approved:prj-1");
        assertThat(approved.territories()).containsExactly("CR", "MI");
        assertThat(approved.programme()).isEqualTo("FESR");
        assertThat(approved.budget()).isEqualByComparingTo("250000");
    }

    @Test
    void shouldDescribeOrganisationWhenItJoinsACluster() {
        MembershipChanged cluster = membership(NetworkChanged.Kind.CLUSTER, MembershipChanged.Change.REGISTERED);
        Profile profile = new Profile("org-1", 4, "IMPRESA", List.of("Nutrizione"), "CR");

        Notice joined = NoticeFactory.joined(cluster, Optional.of(profile), "Latteria Soresina")
                .orElseThrow();

        assertThat(joined.kind()).isEqualTo(EventKind.ORGANISATION_JOINED_CLUSTER);
        assertThat(joined.key()).isEqualTo("membership.registered:mem-1");
        assertThat(joined.title()).contains("Latteria Soresina", "cluster-agrifood");
        assertThat(joined.beneficiaryTypes()).containsExactly("IMPRESA");
        assertThat(joined.territories()).containsExactly("CR");
        assertThat(NoticeFactory.joined(
                        membership(NetworkChanged.Kind.FILIERA, MembershipChanged.Change.REGISTERED),
                        Optional.of(profile),
                        null))
                .isEmpty();
        assertThat(NoticeFactory.joined(
                        membership(NetworkChanged.Kind.CLUSTER, MembershipChanged.Change.UPDATED),
                        Optional.of(profile),
                        null))
                .isEmpty();
    }

    @Test
    void shouldKeyCallNoticesByCallAndVersionWhenTheyAreRead() {
        CallClosingSoon soon = new CallClosingSoon(
                "call-1",
                5,
                "Regione Lombardia",
                "Bando cluster",
                ProjectChanged.ProgrammeKind.REGIONAL,
                2,
                List.of(),
                List.of("CLUSTER"),
                null,
                null,
                NOW.plusSeconds(86_400),
                null,
                7,
                NOW,
                NOW);

        Notice notice = NoticeFactory.notice(soon);

        assertThat(notice.kind()).isEqualTo(EventKind.CALL_CLOSING_SOON);
        assertThat(notice.key()).isEqualTo("call.closing_soon:call-1:5");
        assertThat(notice.occurredAt()).isEqualTo(NOW);
    }

    private static MembershipChanged membership(NetworkChanged.Kind kind, MembershipChanged.Change change) {
        return new MembershipChanged(
                "mem-1",
                1,
                change,
                "camera-commercio-cremona",
                "org-1",
                kind,
                "cluster-agrifood",
                MembershipChanged.Role.ASSOCIATE,
                LocalDate.parse("2026-01-01"),
                null,
                NOW);
    }

    @Test
    void shouldNoticeIndicatorOfItsAxisAndProvinceWhenItsStatusMovesButNotForItsFirstStatus() {
        Optional<Notice> worse = NoticeFactory.statusChanged(
                statusChange("COMUNE:019036", DeviationStatus.ON_TRACK, DeviationStatus.AT_RISK));
        Optional<Notice> first =
                NoticeFactory.statusChanged(statusChange("PROVINCE:CR", null, DeviationStatus.AT_RISK));
        Optional<Notice> regional = NoticeFactory.statusChanged(
                statusChange("REGION:03", DeviationStatus.AT_RISK, DeviationStatus.OFF_TRACK));

        assertThat(worse).hasValueSatisfying(notice -> {
            assertThat(notice.kind()).isEqualTo(EventKind.INDICATOR_STATUS_CHANGED);
            assertThat(notice.axis()).isEqualTo(1);
            assertThat(notice.territories()).containsExactly("CR");
            assertThat(notice.key()).isEqualTo("indicator.status:IND-02|2026|COMUNE:019036:4");
            assertThat(notice.title()).contains("IND-02").contains("ON_TRACK → AT_RISK");
            assertThat(notice.data())
                    .containsEntry("previousStatus", "ON_TRACK")
                    .containsEntry("status", "AT_RISK");
        });
        assertThat(first).isEmpty();
        assertThat(regional)
                .hasValueSatisfying(notice -> assertThat(notice.territories()).isEmpty());
    }

    private static IndicatorStatusChanged statusChange(
            String territory, DeviationStatus previous, DeviationStatus status) {
        return new IndicatorStatusChanged(
                "IND-02|2026|" + territory,
                4,
                "IND-02",
                "Numero aziende agricole certificate",
                "Number of certified farms",
                1,
                "2026",
                territory,
                previous,
                status,
                new BigDecimal("120"),
                new BigDecimal("137"),
                new BigDecimal("-17"),
                new BigDecimal("-12.41"),
                true,
                NOW);
    }
}
