package it.osservatorio.projects.project;

import static it.osservatorio.projects.project.ProjectDetailsFixture.aProject;
import static it.osservatorio.projects.project.ProjectDetailsFixture.funding;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.projects.project.domain.PartnerRole;
import it.osservatorio.projects.project.domain.Programme;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectDetailsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void shouldAcceptAndScaleAmountsToCentsWhenSplitAddsUpExactly() {
        ProjectDetails valid = aProject().build().validate(TODAY, ProjectStatus.APPROVED);

        assertThat(valid.funding().national()).hasToString("30000.00");
        assertThat(valid.funding().sum()).isEqualByComparingTo(valid.totalCost());
    }

    @Test
    void shouldNameFundingAndDifferenceWhenSplitDoesNotAddUp() {
        ProjectDetails details = aProject()
                .money("100000.00", funding("50000", "30000", "10000", null, "9999.99"))
                .build();

        assertThat(violations(details)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("funding");
            assertThat(v.message()).contains("99999.99 EUR").contains("difference 0.01 EUR");
        });
    }

    @Test
    void shouldRejectAmountsWhenNegativeOrFinerThanCents() {
        ProjectDetails details = aProject()
                .money("100.001", funding("-1", null, null, null, null))
                .build();

        assertThat(violations(details))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("totalCost", "funding.eu");
    }

    @Test
    void shouldRejectAmountWhenItExceedsTheBoundOfATerritorysProjects() {
        assertThat(violations(aProject().money("1000000000000.00", null).build()))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("at most 999999999999.99 EUR"));
    }

    @Test
    void shouldAcceptProjectWithoutAmountsWhenNoneArePublished() {
        assertThat(aProject()
                        .money(null, null)
                        .build()
                        .validate(TODAY, ProjectStatus.APPROVED)
                        .totalCost())
                .isNull();
    }

    @Test
    void shouldRejectCupWhenMalformedAndRequireItWhenProgrammeIsItalian() {
        assertThat(violations(aProject().cup("E11B2200004000").build()))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("15 characters"));
        assertThat(violations(aProject().cup("11EB22000040007").build()))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("cup"));
        assertThat(violations(aProject().cup(null).build())).singleElement().satisfies(v -> assertThat(v.message())
                .contains("is required for FESR"));
        assertThat(aProject()
                        .cup(" e11b 2200 0040 007 ")
                        .build()
                        .validate(TODAY, ProjectStatus.APPROVED)
                        .cup())
                .isEqualTo("E11B22000040007");
    }

    @Test
    void shouldAllowMissingCupWhenProgrammeIsManagedByTheEu() {
        ProjectDetails horizon = aProject()
                .cup(null)
                .programme(Programme.of(ProgrammeKind.HORIZON_EUROPE))
                .build();

        assertThat(horizon.validate(TODAY, ProjectStatus.APPROVED).cup()).isNull();
    }

    @Test
    void shouldRequireMissioneComponenteInvestimentoWhenProgrammeIsPnrr() {
        assertThat(violations(
                        aProject().programme(Programme.of(ProgrammeKind.PNRR)).build()))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("programme.missione", "programme.componente", "programme.investimento");
        ProjectDetails pnrr = aProject()
                .programme(new Programme(ProgrammeKind.PNRR, "M4", "C2", "1.5", null, null))
                .build();
        assertThat(pnrr.validate(TODAY, ProjectStatus.APPROVED).programme().missione())
                .isEqualTo("M4");
        assertThat(violations(aProject()
                        .programme(new Programme(ProgrammeKind.FESR, "M4", null, null, "Italia-Svizzera", null))
                        .build()))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("programme.missione", "programme.interregProgramme");
    }

    @Test
    void shouldRequireInterregProgrammeWhenProgrammeIsInterreg() {
        assertThat(violations(aProject()
                        .programme(Programme.of(ProgrammeKind.INTERREG))
                        .build()))
                .extracting(Violation::field)
                .containsExactly("programme.interregProgramme");
    }

    @Test
    void shouldRejectReversedDatesAxisOutOfRangeAndBadIstatCodes() {
        ProjectDetails details = aProject()
                .dates(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1))
                .axis(9)
                .comuni("019036", "19036")
                .build();

        assertThat(violations(details))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("endDate", "axis", "comuniIstat[1]");
    }

    @Test
    void shouldRejectPartnerSharesWhenTheyExceedTotalCost() {
        ProjectDetails details = aProject()
                .partner("org-a", PartnerRole.LEAD, "60000")
                .partner("org-b", PartnerRole.PARTNER, "40000.01")
                .build();

        assertThat(violations(details)).singleElement().satisfies(v -> assertThat(v.message())
                .contains("100000.01 EUR"));
    }

    @Test
    void shouldRejectTwoLeadsAndDuplicatePartnerWhenListed() {
        ProjectDetails details = aProject()
                .partner("org-a", PartnerRole.LEAD, null)
                .partner("org-b", PartnerRole.LEAD, null)
                .partner("org-a", PartnerRole.PARTNER, null)
                .build();

        assertThat(violations(details))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("partners", "partners[2].organisationId");
    }

    @Test
    void shouldRejectMilestoneWhenActualDateIsInTheFuture() {
        ProjectDetails details = aProject()
                .milestone("M1", LocalDate.of(2026, 6, 30), TODAY.plusDays(1))
                .build();

        assertThat(violations(details)).extracting(Violation::field).containsExactly("milestones[0].actualDate");
    }

    private static List<Violation> violations(ProjectDetails details) {
        try {
            details.validate(TODAY, ProjectStatus.APPROVED);
        } catch (InvalidDetailsException e) {
            return e.violations();
        }
        throw new AssertionError("expected " + details + " to break a rule");
    }
}
