package it.osservatorio.projects.project;

import static it.osservatorio.projects.project.ProjectDetailsFixture.aProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.ExpenditureCategory;
import it.osservatorio.projects.project.domain.ExpenditureCorrectionException;
import it.osservatorio.projects.project.domain.ExpenditureKind;
import it.osservatorio.projects.project.domain.IllegalTransitionException;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
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

    @Test
    void shouldCountOnlyTheCorrectionWhenAnExpenditureIsCorrected() {
        Project spent = project(ProjectStatus.ONGOING).record(spend("30000.00"), TODAY, NOW);

        Project corrected = spent.correct(
                "exp-30000.00",
                Expenditure.spent(
                        "exp-fix",
                        LocalDate.of(2026, 4, 30),
                        new BigDecimal("25000.10"),
                        ExpenditureCategory.OPERE,
                        "wrong invoice",
                        false),
                TODAY,
                NOW);

        assertThat(corrected.version()).isEqualTo(spent.version() + 1);
        assertThat(corrected.spent()).isEqualByComparingTo("25000.10");
        assertThat(corrected.financialProgress()).contains(new BigDecimal("0.2500"));
        assertThat(corrected.expenditures()).hasSize(2);
        Expenditure fix = corrected.expenditures().getLast();
        assertThat(fix.kind()).isEqualTo(ExpenditureKind.CORRECTION);
        assertThat(fix.correctsExpenditureId()).isEqualTo("exp-30000.00");
        assertThat(corrected.isSuperseded(corrected.expenditures().getFirst())).isTrue();
        assertThat(corrected.isSuperseded(fix)).isFalse();
    }

    @Test
    void shouldCountNothingAndRefuseASecondCorrectionWhenAnExpenditureIsCancelled() {
        Project spent = project(ProjectStatus.ONGOING)
                .record(spend("30000.00"), TODAY, NOW)
                .record(spend("1000.00"), TODAY, NOW);

        Project cancelled = spent.cancel("exp-30000.00", "exp-cancel", "duplicate", NOW);

        assertThat(cancelled.spent()).isEqualByComparingTo("1000.00");
        Expenditure cancellation = cancelled.expenditures().getLast();
        assertThat(cancellation.kind()).isEqualTo(ExpenditureKind.CANCELLATION);
        assertThat(cancellation.amount()).isEqualByComparingTo("0");
        assertThat(cancellation.date()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThatThrownBy(() -> cancelled.cancel("exp-30000.00", "exp-again", null, NOW))
                .isInstanceOfSatisfying(ExpenditureCorrectionException.class, e -> assertThat(e.getMessage())
                        .contains("already replaced by 'exp-cancel'", "record a new expenditure"));
        assertThatThrownBy(() -> cancelled.cancel("exp-cancel", "exp-again", null, NOW))
                .isInstanceOf(ExpenditureCorrectionException.class);
        assertThatThrownBy(() -> cancelled.cancel("exp-missing", "exp-again", null, NOW))
                .isInstanceOfSatisfying(
                        InvalidDetailsException.class,
                        e -> assertThat(e.violations().getFirst().message()).contains("no expenditure 'exp-missing'"));
    }

    @Test
    void shouldNameTheLatestEntryAndKeepTheCapWhenACorrectedExpenditureIsCorrectedAgainOrTooHigh() {
        Project spent = project(ProjectStatus.ONGOING)
                .record(spend("30000.00"), TODAY, NOW)
                .record(spend("60000.00"), TODAY, NOW);
        Project corrected = spent.correct("exp-30000.00", spend("35000.00"), TODAY, NOW);

        assertThatThrownBy(() -> corrected.correct("exp-30000.00", spend("1.00"), TODAY, NOW))
                .isInstanceOfSatisfying(ExpenditureCorrectionException.class, e -> assertThat(e.latestExpenditureId())
                        .isEqualTo("exp-35000.00"));
        // 60,000 + 40,000.01 would exceed the 100,000 total cost; the replaced 35,000 no longer counts
        assertThatThrownBy(() -> corrected.correct("exp-35000.00", spend("40000.01"), TODAY, NOW))
                .isInstanceOfSatisfying(
                        InvalidDetailsException.class,
                        e -> assertThat(e.violations().getFirst().message()).contains("100000.01"));
        assertThat(corrected
                        .correct("exp-35000.00", spend("40000.00"), TODAY, NOW)
                        .spent())
                .isEqualByComparingTo("100000.00");
    }

    @Test
    void shouldListEveryAxisAndRefuseOtherAxesWithoutAnAxisOrOutOfRange() {
        ProjectDetails details = aProject().axis(2).otherAxes(6, 2).build().validate(TODAY, ProjectStatus.PROPOSED);

        assertThat(details.axes()).containsExactly(2, 6);
        assertThat(details.otherAxes()).containsExactly(6);
        assertThatThrownBy(() -> aProject().axis(null).otherAxes(6).build().validate(TODAY, ProjectStatus.PROPOSED))
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("otherAxes"));
        assertThatThrownBy(() -> aProject().axis(2).otherAxes(9).build().validate(TODAY, ProjectStatus.PROPOSED))
                .isInstanceOfSatisfying(InvalidDetailsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("otherAxes[0]"));
    }
}
