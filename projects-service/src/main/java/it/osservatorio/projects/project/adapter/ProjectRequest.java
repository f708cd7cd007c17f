package it.osservatorio.projects.project.adapter;

import io.swagger.v3.oas.annotations.media.Schema;
import it.osservatorio.projects.project.domain.ExpenditureCategory;
import it.osservatorio.projects.project.domain.Funding;
import it.osservatorio.projects.project.domain.Milestone;
import it.osservatorio.projects.project.domain.Partner;
import it.osservatorio.projects.project.domain.PartnerRole;
import it.osservatorio.projects.project.domain.Programme;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A project as an institution publishes it; amounts in EUR (at most 2 decimals), dates ISO-8601. */
record ProjectRequest(
        @Schema(example = "E11B22000040007") String cup,
        String title,
        String acronym,
        String description,
        ProgrammeRequest programme,
        String callId,

        @Schema(description = "strategic axis of the Cremona pact, 1 to 8")
        Integer axis,

        @Schema(
                description = "further axes of the pact the project belongs to, e.g. [6] for a project of axes 2 and"
                        + " 6, which the pact treats together",
                example = "[6]")
        List<Integer> otherAxes,

        String emblematicAction,
        String s3Ecosystem,
        @Schema(example = "[\"019036\"]") List<String> comuniIstat,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal totalCost,
        FundingRequest funding,
        List<PartnerRequest> partners,
        List<MilestoneRequest> milestones,

        @Schema(description = "only on creation: PROPOSED (default), or the status of a project published later")
        ProjectStatus status,

        Boolean synthetic) {

    record ProgrammeRequest(
            ProgrammeKind kind,
            @Schema(example = "M4") String missione,
            @Schema(example = "C2") String componente,
            @Schema(example = "1.5") String investimento,
            @Schema(example = "Italia-Svizzera") String interregProgramme,
            String name) {}

    record FundingRequest(
            BigDecimal eu, BigDecimal national, BigDecimal regional, BigDecimal local, BigDecimal privateFunds) {}

    record PartnerRequest(String organisationId, PartnerRole role, BigDecimal budgetShare) {}

    record MilestoneRequest(
            String milestoneId, String title, LocalDate plannedDate, LocalDate actualDate, Boolean synthetic) {}

    ProjectDetails toDetails() {
        return new ProjectDetails(
                cup,
                title,
                acronym,
                description,
                programme == null
                        ? null
                        : new Programme(
                                programme.kind(),
                                programme.missione(),
                                programme.componente(),
                                programme.investimento(),
                                programme.interregProgramme(),
                                programme.name()),
                callId,
                axis,
                emblematicAction,
                s3Ecosystem,
                comuniIstat,
                startDate,
                endDate,
                totalCost,
                funding == null
                        ? null
                        : new Funding(
                                funding.eu(),
                                funding.national(),
                                funding.regional(),
                                funding.local(),
                                funding.privateFunds()),
                partners == null
                        ? List.of()
                        : partners.stream()
                                .map(p -> p == null ? null : new Partner(p.organisationId(), p.role(), p.budgetShare()))
                                .toList(),
                milestones == null
                        ? List.of()
                        : milestones.stream()
                                .map(m -> m == null
                                        ? null
                                        : new Milestone(
                                                m.milestoneId(),
                                                m.title(),
                                                m.plannedDate(),
                                                m.actualDate(),
                                                Boolean.TRUE.equals(m.synthetic())))
                                .toList(),
                Boolean.TRUE.equals(synthetic),
                otherAxes);
    }

    record StatusRequest(ProjectStatus status) {}

    record ExpenditureRequest(
            @Schema(example = "2026-03-31") LocalDate date,
            @Schema(example = "12500.00") BigDecimal amount,
            ExpenditureCategory category,
            String note,
            Boolean synthetic) {}

    record CancellationRequest(String note) {}

    record MilestoneReachedRequest(
            @Schema(example = "2026-03-31") LocalDate actualDate) {}
}
