package it.osservatorio.projects.project.domain;

import it.osservatorio.projects.validation.Amounts;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A funded project, owned by the institution that published it. Every change increases the version by one; the
 * expenditure is a ledger of entries recorded one at a time and never edited: a correction or cancellation is a new
 * entry replacing an earlier one, and only the entries not replaced count in what was spent.
 */
public record Project(
        String id,
        long version,
        String ownerInstitutionId,
        ProjectDetails details,
        ProjectStatus status,
        List<Expenditure> expenditures,
        Instant createdAt,
        Instant updatedAt) {

    public Project {
        expenditures = expenditures == null ? List.of() : List.copyOf(expenditures);
    }

    /** Details must be valid already ({@link ProjectDetails#validate(LocalDate, ProjectStatus)}). */
    public static Project propose(
            String id, String ownerInstitutionId, ProjectDetails details, ProjectStatus status, Instant now) {
        return new Project(
                id,
                1,
                ownerInstitutionId,
                details,
                status == null ? ProjectStatus.PROPOSED : status,
                List.of(),
                now,
                now);
    }

    /** Replaces the details; the total cost may not fall below what was already spent. */
    public Project update(ProjectDetails newDetails, Instant now) {
        BigDecimal spent = spent();
        if (newDetails.totalCost() != null && spent.compareTo(newDetails.totalCost()) > 0) {
            throw new InvalidDetailsException(
                    "totalCost",
                    "must not be below the " + Amounts.text(spent) + " already spent, was "
                            + Amounts.text(newDetails.totalCost()));
        }
        return new Project(id, version + 1, ownerInstitutionId, newDetails, status, expenditures, createdAt, now);
    }

    /** @throws IllegalTransitionException unless the lifecycle allows {@code to} */
    public Project moveTo(ProjectStatus to, Instant now) {
        if (!status.next().contains(to)) {
            throw new IllegalTransitionException(id, status, to);
        }
        if (details.needsCup(to)) {
            throw new IllegalTransitionException.MissingCup(
                    id, details.programme().kind(), to);
        }
        return new Project(id, version + 1, ownerInstitutionId, details, to, expenditures, createdAt, now);
    }

    /**
     * Records an amount spent. It may not lie in the future, nor before the project's start, nor bring the spending
     * above the total cost; a revoked or withdrawn project spends nothing more.
     */
    public Project record(Expenditure expenditure, LocalDate today, Instant now) {
        if (status == ProjectStatus.REVOKED || status == ProjectStatus.WITHDRAWN) {
            throw new IllegalTransitionException.ClosedProject(id, status);
        }
        List<Violation> violations = checkEntry(expenditure, spent(), today);
        if (!violations.isEmpty()) {
            throw new InvalidDetailsException(violations);
        }
        List<Expenditure> all = new ArrayList<>(expenditures);
        all.add(Expenditure.spent(
                expenditure.expenditureId(),
                expenditure.date(),
                Amounts.euros(expenditure.amount()),
                expenditure.category(),
                expenditure.note(),
                expenditure.synthetic()));
        return new Project(id, version + 1, ownerInstitutionId, details, status, all, createdAt, now);
    }

    /**
     * Replaces the entry {@code correctedId} with {@code correction} (its date, amount, category and note), as a new
     * entry of the ledger; the rules of {@link #record} apply to the new amount, counted instead of the old one.
     *
     * @param correction the corrected values, with the new entry's id
     * @throws ExpenditureCorrectionException when the entry was already replaced or is a cancellation
     */
    public Project correct(String correctedId, Expenditure correction, LocalDate today, Instant now) {
        if (status == ProjectStatus.REVOKED || status == ProjectStatus.WITHDRAWN) {
            throw new IllegalTransitionException.ClosedProject(id, status);
        }
        Expenditure original = correctable(correctedId);
        BigDecimal spentWithout = spent().subtract(original.amount());
        List<Violation> violations = checkEntry(correction, spentWithout, today);
        if (!violations.isEmpty()) {
            throw new InvalidDetailsException(violations);
        }
        List<Expenditure> all = new ArrayList<>(expenditures);
        all.add(new Expenditure(
                correction.expenditureId(),
                correction.date(),
                Amounts.euros(correction.amount()),
                correction.category(),
                correction.note(),
                correction.synthetic() || original.synthetic(),
                ExpenditureKind.CORRECTION,
                original.expenditureId()));
        return new Project(id, version + 1, ownerInstitutionId, details, status, all, createdAt, now);
    }

    /**
     * Cancels the entry {@code cancelledId} with a new entry of amount 0 (the cancelled entry's date and category),
     * after which it no longer counts. Allowed on a revoked or withdrawn project too: it only lowers the spending.
     *
     * @throws ExpenditureCorrectionException when the entry was already replaced or is a cancellation
     */
    public Project cancel(String cancelledId, String cancellationId, String note, Instant now) {
        Expenditure original = correctable(cancelledId);
        List<Expenditure> all = new ArrayList<>(expenditures);
        all.add(new Expenditure(
                cancellationId,
                original.date(),
                Amounts.euros(BigDecimal.ZERO),
                original.category(),
                Texts.trim(note),
                original.synthetic(),
                ExpenditureKind.CANCELLATION,
                original.expenditureId()));
        return new Project(id, version + 1, ownerInstitutionId, details, status, all, createdAt, now);
    }

    public Optional<Expenditure> expenditure(String expenditureId) {
        return expenditures.stream()
                .filter(e -> e.expenditureId().equals(expenditureId))
                .findFirst();
    }

    /** The entry that replaced {@code expenditureId}, if any. */
    public Optional<Expenditure> replacementOf(String expenditureId) {
        return expenditures.stream()
                .filter(e -> expenditureId.equals(e.correctsExpenditureId()))
                .findFirst();
    }

    /** Whether a later correction or cancellation replaced the entry: it no longer counts. */
    public boolean isSuperseded(Expenditure expenditure) {
        return replacementOf(expenditure.expenditureId()).isPresent();
    }

    private Expenditure correctable(String expenditureId) {
        Expenditure original = expenditure(expenditureId)
                .orElseThrow(() -> new InvalidDetailsException(
                        "expenditureId",
                        "project '" + id + "' has no expenditure '" + expenditureId + "'; its entries are "
                                + expenditures.stream()
                                        .map(Expenditure::expenditureId)
                                        .toList()));
        if (original.kind() == ExpenditureKind.CANCELLATION) {
            throw new ExpenditureCorrectionException(
                    "Expenditure '" + expenditureId + "' of project '" + id + "' is a cancellation (of '"
                            + original.correctsExpenditureId() + "'); record a new expenditure instead",
                    null);
        }
        Optional<Expenditure> replacement = replacementOf(expenditureId);
        if (replacement.isPresent()) {
            Expenditure latest = replacement.get();
            while (replacementOf(latest.expenditureId()).isPresent()) {
                latest = replacementOf(latest.expenditureId()).get();
            }
            throw new ExpenditureCorrectionException(
                    "Expenditure '" + expenditureId + "' of project '" + id + "' was already replaced by '"
                            + replacement.get().expenditureId() + "' ("
                            + replacement.get().kind() + "); "
                            + (latest.kind() == ExpenditureKind.CANCELLATION
                                    ? "it is cancelled: record a new expenditure instead"
                                    : "correct '" + latest.expenditureId() + "' instead"),
                    latest.kind() == ExpenditureKind.CANCELLATION ? null : latest.expenditureId());
        }
        return original;
    }

    /** The rules of an amount spent, with {@code spentBefore} what counts without it. */
    private List<Violation> checkEntry(Expenditure expenditure, BigDecimal spentBefore, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (expenditure.date() == null) {
            violations.add(new Violation("date", "is required (ISO-8601 date, e.g. 2026-03-31)"));
        } else if (expenditure.date().isAfter(today)) {
            violations.add(new Violation("date", "must not be in the future (today is " + today + ")"));
        } else if (details.startDate() != null && expenditure.date().isBefore(details.startDate())) {
            violations.add(new Violation("date", "must not be before the project's start date " + details.startDate()));
        }
        if (expenditure.category() == null) {
            violations.add(new Violation(
                    "category",
                    "is required: one of PERSONALE, ATTREZZATURE, MATERIALI, SERVIZI, CONSULENZE, OPERE, VIAGGI,"
                            + " SPESE_GENERALI, ALTRO"));
        }
        if (expenditure.amount() == null || expenditure.amount().signum() <= 0) {
            violations.add(new Violation("amount", "is required and must be more than zero (EUR)"));
        } else {
            Amounts.check("amount", expenditure.amount(), violations);
        }
        if (violations.isEmpty() && details.totalCost() != null) {
            BigDecimal after = spentBefore.add(expenditure.amount());
            if (after.compareTo(details.totalCost()) > 0) {
                violations.add(new Violation(
                        "amount",
                        "would bring the spending to " + Amounts.text(after) + ", above the total cost "
                                + Amounts.text(details.totalCost())));
            }
        }
        return violations;
    }

    /** Gives a milestone its actual date (again, when correcting it). */
    public Project reach(String milestoneId, LocalDate actualDate, LocalDate today, Instant now) {
        Milestone milestone = milestone(milestoneId)
                .orElseThrow(() -> new InvalidDetailsException(
                        "milestoneId",
                        "project '" + id + "' has no milestone '" + milestoneId + "'; its milestones are "
                                + details.milestones().stream()
                                        .map(Milestone::milestoneId)
                                        .toList()));
        if (actualDate == null) {
            throw new InvalidDetailsException("actualDate", "is required (ISO-8601 date, e.g. 2026-03-31)");
        }
        if (actualDate.isAfter(today)) {
            throw new InvalidDetailsException(
                    "actualDate", "must not be in the future (today is " + today + "), was " + actualDate);
        }
        List<Milestone> milestones = details.milestones().stream()
                .map(m -> m == milestone ? m.reached(actualDate) : m)
                .toList();
        ProjectDetails d = details;
        ProjectDetails reached = new ProjectDetails(
                d.cup(),
                d.title(),
                d.acronym(),
                d.description(),
                d.programme(),
                d.callId(),
                d.axis(),
                d.emblematicAction(),
                d.s3Ecosystem(),
                d.comuniIstat(),
                d.startDate(),
                d.endDate(),
                d.totalCost(),
                d.funding(),
                d.partners(),
                milestones,
                d.synthetic(),
                d.otherAxes());
        return new Project(id, version + 1, ownerInstitutionId, reached, status, expenditures, createdAt, now);
    }

    public Optional<Milestone> milestone(String milestoneId) {
        return details.milestones().stream()
                .filter(m -> m.milestoneId().equals(milestoneId))
                .findFirst();
    }

    public boolean isOwnedBy(String institutionId) {
        return ownerInstitutionId.equals(institutionId);
    }

    /** The sum of the entries not replaced by a correction or cancellation. */
    public BigDecimal spent() {
        Set<String> replaced = expenditures.stream()
                .map(Expenditure::correctsExpenditureId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return expenditures.stream()
                .filter(e -> !replaced.contains(e.expenditureId()))
                .map(Expenditure::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Spent / total cost, 4 decimals; empty without a (positive) total cost. */
    public Optional<BigDecimal> financialProgress() {
        BigDecimal total = details.totalCost();
        if (total == null || total.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(spent().divide(total, 4, RoundingMode.HALF_EVEN));
    }

    /** Reached milestones / milestones, 4 decimals; empty without milestones. */
    public Optional<BigDecimal> physicalProgress() {
        List<Milestone> milestones = details.milestones();
        if (milestones.isEmpty()) {
            return Optional.empty();
        }
        long reached = milestones.stream().filter(Milestone::isReached).count();
        return Optional.of(
                BigDecimal.valueOf(reached).divide(BigDecimal.valueOf(milestones.size()), 4, RoundingMode.HALF_EVEN));
    }

    /** Milestones past their planned date without an actual date, as of {@code today}. */
    public List<Milestone> lateMilestones(LocalDate today) {
        return details.milestones().stream()
                .filter(m -> !m.isReached() && m.isLate(today))
                .toList();
    }
}
