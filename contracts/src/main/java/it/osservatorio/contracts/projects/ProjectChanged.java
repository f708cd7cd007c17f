package it.osservatorio.contracts.projects;

import it.osservatorio.contracts.StateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The whole current state of a funded project after it was proposed or changed, keyed by project id on the
 * compacted topic {@link it.osservatorio.contracts.Topics#PROJECTS}; its deletion is a tombstone there. Amounts are
 * EUR with cent precision; a null amount is one nobody has published.
 */
public record ProjectChanged(
        String projectId,
        long version,
        Change change,
        String ownerInstitutionId,
        String cup,
        String title,
        String acronym,
        String description,
        Programme programme,
        String callId,
        Integer axis,
        String emblematicAction,
        String s3Ecosystem,
        List<String> comuniIstat,
        ProjectStatus status,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal totalCost,
        Funding funding,
        List<Partner> partners,
        List<Milestone> milestones,
        List<Expenditure> expenditures,
        BigDecimal spent,
        BigDecimal financialProgress,
        BigDecimal physicalProgress,
        boolean synthetic,
        Instant changedAt,
        List<Integer> axes)
        implements StateEvent {

    /**
     * {@code axes}: every strategic axis the project belongs to, {@code axis} (the first) included; the pact treats
     * some projects under two axes together (2 and 6). Empty outside the pact.
     */
    public ProjectChanged {
        axes = axes == null ? (axis == null ? List.of() : List.of(axis)) : List.copyOf(axes);
        comuniIstat = comuniIstat == null ? List.of() : List.copyOf(comuniIstat);
        partners = partners == null ? List.of() : List.copyOf(partners);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        expenditures = expenditures == null ? List.of() : List.copyOf(expenditures);
    }

    @Override
    public String aggregateId() {
        return projectId;
    }

    public enum Change {
        PROPOSED,
        UPDATED
    }

    /** The lifecycle: proposed, approved, ongoing, completed; or revoked / withdrawn. */
    public enum ProjectStatus {
        PROPOSED,
        APPROVED,
        ONGOING,
        COMPLETED,
        REVOKED,
        WITHDRAWN
    }

    /** The funding programme families of the ecosystem. */
    public enum ProgrammeKind {
        FESR,
        FSE_PLUS,
        PNRR,
        HORIZON_EUROPE,
        H2020,
        INTERREG,
        COSME,
        LIFE,
        REGIONAL,
        CREMONA_PACT,
        OTHER
    }

    /**
     * @param missione PNRR only, e.g. M4
     * @param componente PNRR only, e.g. C2
     * @param investimento PNRR only, e.g. 1.5
     * @param interregProgramme Interreg only, e.g. Italia-Svizzera
     * @param name free text, e.g. the regional measure or "POR FESR 2014-2020"
     */
    public record Programme(
            ProgrammeKind kind,
            String missione,
            String componente,
            String investimento,
            String interregProgramme,
            String name) {}

    /** The funding split of the total cost, in EUR; the five parts add up to the total cost exactly. */
    public record Funding(
            BigDecimal eu, BigDecimal national, BigDecimal regional, BigDecimal local, BigDecimal privateFunds) {}

    public enum PartnerRole {
        LEAD,
        PARTNER,
        ASSOCIATED
    }

    /** An organisation of the registry ({@link it.osservatorio.contracts.Topics#ORGANISATIONS}) in the project. */
    public record Partner(String organisationId, String legalName, PartnerRole role, BigDecimal budgetShare) {}

    /** {@code synthetic}: generated for the demo, not reported by anyone. */
    public record Milestone(
            String milestoneId,
            String title,
            LocalDate plannedDate,
            LocalDate actualDate,
            boolean late,
            boolean synthetic) {}

    /**
     * An entry of the project's expenditure ledger. Entries are never changed: a {@code CORRECTION} replaces the
     * entry {@code correctsExpenditureId} names with its own date, amount and category, a {@code CANCELLATION}
     * (amount 0) cancels it; the replaced entry is then {@code superseded} and no longer counts in {@code spent}.
     */
    public record Expenditure(
            String expenditureId,
            LocalDate date,
            BigDecimal amount,
            String category,
            ExpenditureKind kind,
            String correctsExpenditureId,
            boolean superseded,
            boolean synthetic) {}

    public enum ExpenditureKind {
        RECORDED,
        CORRECTION,
        CANCELLATION
    }
}
