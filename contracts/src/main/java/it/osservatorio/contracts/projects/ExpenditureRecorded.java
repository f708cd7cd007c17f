package it.osservatorio.contracts.projects;

import it.osservatorio.contracts.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

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
        Instant recordedAt)
        implements AggregateEvent {

    @Override
    public String aggregateId() {
        return projectId;
    }
}
