package it.osservatorio.projects.project;

import static it.osservatorio.projects.project.ProjectDetailsFixture.aProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.ExpenditureCategory;
import it.osservatorio.projects.project.domain.IllegalTransitionException;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.InvalidDetailsException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static Project project(ProjectStatus status) {
        return Project.propose(
                "prj-1",
                "provincia-cremona",
                aProject()
                        .milestone("M1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 10))
                        .milestone("M2", LocalDate.of(2026, 6, 30), null)
                        .milestone("M3", LocalDate.of(2027, 6, 30), null)
                        .milestone("M4", LocalDate.of(2027, 12, 31), null)
                        .build()
                        .validate(TODAY, ProjectStatus.APPROVED),
                status,
                NOW);
    }

    private static Expenditure spend(String amount) {
        return Expenditure.spent(
                "exp-" + amount,
                LocalDate.of(2026, 3, 31),
                new BigDecimal(amount),
                ExpenditureCategory.PERSONALE,
                null,
                false);
    }

    @Test
    void shouldFollowLifecycleAndBumpVersionWhenTransitionIsAllowed() {
        Project completed = project(ProjectStatus.PROPOSED)
                .moveTo(ProjectStatus.APPROVED, NOW)
                .moveTo(ProjectStatus.ONGOING, NOW)
                .moveTo(ProjectStatus.COMPLETED, NOW);

        assertThat(completed.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThat(completed.version()).isEqualTo(4);
    }

    @Test
    void shouldListAllowedStatusesWhenTransitionIsIllegal() {
        assertThatThrownBy(() -> project(ProjectStatus.PROPOSED).moveTo(ProjectStatus.COMPLETED, NOW))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.allowed()).containsExactly(ProjectStatus.APPROVED, ProjectStatus.WITHDRAWN);
                    assertThat(e.getMessage()).contains("PROPOSED", "COMPLETED", "APPROVED, WITHDRAWN");
                });
        assertThatThrownBy(() -> project(ProjectStatus.REVOKED).moveTo(ProjectStatus.ONGOING, NOW))
                .hasMessageContaining("REVOKED is final");
    }

    @Test
    void shouldComputeFinancialAndPhysicalProgressWhenSpendingAndMilestonesAreRecorded() {
        Project project = project(ProjectStatus.ONGOING)
                .record(spend("12500.00"), TODAY, NOW)
                .record(spend("12500"), TODAY, NOW)
                .reach("M2", LocalDate.of(2026, 7, 3), TODAY, NOW);

        assertThat(project.spent()).hasToString("25000.00");
        assertThat(project.financialProgress()).hasValue(new BigDecimal("0.2500"));
        assertThat(project.physicalProgress()).hasValue(new BigDecimal("0.5000"));
        assertThat(project.milestone("M2").orElseThrow().isLate(TODAY)).isTrue();
        assertThat(project.version()).isEqualTo(4);
    }

    @Test
    void shouldMarkMilestoneLateWhenPastPlannedDateWithoutActualDate() {
        Project project = project(ProjectStatus.ONGOING);

        assertThat(project.lateMilestones(TODAY))
                .extracting(m -> m.milestoneId())
                .containsExactly("M2");
        assertThat(project.lateMilestones(LocalDate.of(2026, 6, 30))).isEmpty();
    }

    @Test
    void shouldRefuseExpenditureWhenItExceedsTotalCostOrIsInTheFuture() {
        Project project = project(ProjectStatus.ONGOING).record(spend("99999.99"), TODAY, NOW);

        assertThatThrownBy(() -> project.record(spend("0.02"), TODAY, NOW))
                .isInstanceOfSatisfying(
                        InvalidDetailsException.class,
                        e -> assertThat(e.violations().getFirst().message()).contains("100000.01 EUR"));
        Expenditure future =
                Expenditure.spent("x", TODAY.plusDays(1), BigDecimal.ONE, ExpenditureCategory.ALTRO, null, false);
        assertThatThrownBy(() -> project.record(future, TODAY, NOW)).isInstanceOf(InvalidDetailsException.class);
    }

    @Test
    void shouldRefuseApprovalWhenItalianProjectHasNoCup() {
        Project proposal = Project.propose(
                "prj-2",
                "provincia-cremona",
                aProject().cup(null).build().validate(TODAY, ProjectStatus.PROPOSED),
                ProjectStatus.PROPOSED,
                NOW);

        assertThatThrownBy(() -> proposal.moveTo(ProjectStatus.APPROVED, NOW))
                .isInstanceOf(IllegalTransitionException.MissingCup.class)
                .hasMessageContaining("no CUP");
        assertThat(proposal.moveTo(ProjectStatus.WITHDRAWN, NOW).status()).isEqualTo(ProjectStatus.WITHDRAWN);
    }

    @Test
    void shouldRefuseExpenditureWhenProjectIsWithdrawn() {
        assertThatThrownBy(() -> project(ProjectStatus.WITHDRAWN).record(spend("1"), TODAY, NOW))
                .isInstanceOf(IllegalTransitionException.ClosedProject.class);
    }

    @Test
    void shouldRefuseTotalCostBelowSpendingWhenUpdating() {
        Project project = project(ProjectStatus.ONGOING).record(spend("60000"), TODAY, NOW);

        assertThatThrownBy(() -> project.update(
                        aProject().money("50000.00", null).build().validate(TODAY, ProjectStatus.APPROVED), NOW))
                .isInstanceOfSatisfying(
                        InvalidDetailsException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("totalCost"));
    }
}
