package it.osservatorio.projects.project.adapter;

import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.projects.project.domain.Milestone;
import it.osservatorio.projects.project.domain.Project;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project as read: the state its events carry (partners named as the registry names them, milestones with their
 * late flag as of today) plus the late milestones and timestamps.
 */
record ProjectResponse(
        String id,
        long version,
        String ownerInstitutionId,
        String cup,
        String title,
        String acronym,
        String description,
        ProjectChanged.Programme programme,
        String callId,
        Integer axis,
        List<Integer> otherAxes,
        List<Integer> axes,
        String emblematicAction,
        String s3Ecosystem,
        List<String> comuniIstat,
        ProjectChanged.ProjectStatus status,
        List<String> allowedNextStatuses,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal totalCost,
        ProjectChanged.Funding funding,
        List<ProjectChanged.Partner> partners,
        List<ProjectChanged.Milestone> milestones,
        List<String> lateMilestones,
        List<ProjectChanged.Expenditure> expenditures,
        BigDecimal spent,
        BigDecimal financialProgress,
        BigDecimal physicalProgress,
        boolean synthetic,
        Instant createdAt,
        Instant updatedAt) {

    static ProjectResponse of(Project project, ProjectChanged state, LocalDate today) {
        return new ProjectResponse(
                project.id(),
                project.version(),
                project.ownerInstitutionId(),
                state.cup(),
                state.title(),
                state.acronym(),
                state.description(),
                state.programme(),
                state.callId(),
                state.axis(),
                project.details().otherAxes(),
                state.axes(),
                state.emblematicAction(),
                state.s3Ecosystem(),
                state.comuniIstat(),
                state.status(),
                project.status().next().stream().map(Enum::name).toList(),
                state.startDate(),
                state.endDate(),
                state.totalCost(),
                state.funding(),
                state.partners(),
                state.milestones(),
                project.lateMilestones(today).stream()
                        .map(Milestone::milestoneId)
                        .toList(),
                state.expenditures(),
                state.spent(),
                state.financialProgress(),
                state.physicalProgress(),
                state.synthetic(),
                project.createdAt(),
                project.updatedAt());
    }

    record Page(List<ProjectResponse> items, String nextCursor) {}
}
