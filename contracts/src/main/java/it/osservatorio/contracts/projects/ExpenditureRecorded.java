package it.osservatorio.contracts.projects;

import it.osservatorio.contracts.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An expenditure was recorded on a project, on {@link it.osservatorio.contracts.Topics#PROJECT_PROGRESS}; version is
 * the project's version after it. Carries the totals after the expenditure, for indicator computation.
 */
public record ExpenditureRecorded(
        String projectId,
        long version,
        String ownerInstitutionId,
        Integer axis,
        ProjectChanged.ProgrammeKind programme,
        String expenditureId,
        LocalDate date,
        BigDecimal amount,
        String category,
        BigDecimal spent,
        BigDecimal totalCost,
        BigDecimal financialProgress,
        Instant recordedAt,
        List<Integer> axes,
        boolean synthetic)
        implements AggregateEvent {

    /** {@code axes}: every axis of the project ({@code axis} first); {@code synthetic}: generated for the demo. */
    public ExpenditureRecorded {
        axes = axes == null ? (axis == null ? List.of() : List.of(axis)) : List.copyOf(axes);
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
