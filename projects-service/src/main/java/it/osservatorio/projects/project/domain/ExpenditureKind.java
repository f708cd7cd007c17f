package it.osservatorio.projects.project.domain;

/**
 * Entries of a project's expenditure ledger. Entries are never edited: a correction or a cancellation is a new entry
 * that replaces an earlier one, which then no longer counts.
 */
public enum ExpenditureKind {
    /** An amount spent. */
    RECORDED,
    /** Replaces an entry with its own date, amount and category. */
    CORRECTION,
    /** Cancels an entry (amount 0). */
    CANCELLATION
}
