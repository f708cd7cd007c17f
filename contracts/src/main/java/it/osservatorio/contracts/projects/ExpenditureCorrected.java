package it.osservatorio.contracts.projects;

import it.osservatorio.contracts.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded expenditure was corrected or cancelled, on {@link it.osservatorio.contracts.Topics#PROJECT_PROGRESS};
 * version is the project's version after it. The correction is a new ledger entry ({@code expenditureId}) that
 * replaces {@code correctedExpenditureId}: {@code amount} is the amount that counts now (0 when {@code cancelled}),
 * {@code delta = amount - previousAmount} what a consumer summing expenditure must add, {@code spent} the project's
 * total after it.
 */
public record ExpenditureCorrected(
        String projectId,
        long version,
        String ownerInstitutionId,
        Integer axis,
        List<Integer> axes,
        ProjectChanged.ProgrammeKind programme,
        String expenditureId,
        String correctedExpenditureId,
        boolean cancelled,
        LocalDate date,
        BigDecimal amount,
        String category,
        LocalDate previousDate,
        BigDecimal previousAmount,
        BigDecimal delta,
        BigDecimal spent,
        BigDecimal totalCost,
        BigDecimal financialProgress,
        boolean synthetic,
        Instant correctedAt)
        implements AggregateEvent {

    public ExpenditureCorrected {
        axes = axes == null ? (axis == null ? List.of() : List.of(axis)) : List.copyOf(axes);
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
