package it.osservatorio.projects.project.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An entry of a project's expenditure ledger: an amount spent on a date, in EUR, by category ({@link
 * ExpenditureKind#RECORDED}), or a correction or cancellation of the entry {@code correctsExpenditureId}. {@code
 * synthetic}: generated for the demo, not reported by anyone.
 */
public record Expenditure(
        String expenditureId,
        LocalDate date,
        BigDecimal amount,
        ExpenditureCategory category,
        String note,
        boolean synthetic,
        ExpenditureKind kind,
        String correctsExpenditureId) {

    public Expenditure {
        kind = kind == null ? ExpenditureKind.RECORDED : kind;
    }

    /** An amount spent. */
    public static Expenditure spent(
            String expenditureId,
            LocalDate date,
            BigDecimal amount,
            ExpenditureCategory category,
            String note,
            boolean synthetic) {
        return new Expenditure(expenditureId, date, amount, category, note, synthetic, ExpenditureKind.RECORDED, null);
    }
}
