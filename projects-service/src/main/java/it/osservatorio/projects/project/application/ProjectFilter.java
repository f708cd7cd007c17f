package it.osservatorio.projects.project.application;

import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.ProjectStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A selection of projects; every criterion that is null (or empty) selects everything. Amount bounds apply to the
 * total cost, date bounds to the start and end dates, all inclusive.
 */
public record ProjectFilter(
        Set<ProgrammeKind> programmes,
        Set<Integer> axes,
        Set<ProjectStatus> statuses,
        String callId,
        String partnerOrganisationId,
        String comuneIstat,
        String ownerInstitutionId,
        String s3Ecosystem,
        String cup,
        BigDecimal minTotalCost,
        BigDecimal maxTotalCost,
        LocalDate startFrom,
        LocalDate startTo,
        LocalDate endFrom,
        LocalDate endTo) {

    public ProjectFilter {
        programmes = programmes == null ? Set.of() : Set.copyOf(programmes);
        axes = axes == null ? Set.of() : Set.copyOf(axes);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
