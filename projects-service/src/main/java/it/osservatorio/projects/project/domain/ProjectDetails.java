package it.osservatorio.projects.project.domain;

import it.osservatorio.projects.validation.Amounts;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an institution states about one of its projects; {@link #validate(LocalDate)} checks every rule at once.
 * Amounts are EUR; a null amount is one nobody has published (never guessed). {@code axis} is the project's strategic
 * axis of the pact; {@code otherAxes} the further axes it belongs to, where the pact files it under more than one
 * (it treats axes 2 and 6 together).
 */
public record ProjectDetails(
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
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal totalCost,
        Funding funding,
        List<Partner> partners,
        List<Milestone> milestones,
        boolean synthetic,
        List<Integer> otherAxes) {

    public ProjectDetails {
        cup = Cup.normalise(cup);
        title = Texts.trim(title);
        acronym = Texts.trim(acronym);
        description = Texts.trim(description);
        callId = Texts.trim(callId);
        emblematicAction = Texts.trim(emblematicAction);
        s3Ecosystem = Texts.trim(s3Ecosystem);
        comuniIstat = Texts.trimAll(comuniIstat);
        partners = partners == null ? List.of() : List.copyOf(partners);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        otherAxes = otherAxes == null
                ? List.of()
                : otherAxes.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** Every axis of the project, {@code axis} first; empty outside the pact. */
    public List<Integer> axes() {
        List<Integer> axes = new ArrayList<>();
        if (axis != null) {
            axes.add(axis);
        }
        otherAxes.stream().filter(a -> !a.equals(axis)).forEach(axes::add);
        return List.copyOf(axes);
    }

    /**
     * @param today the date at the project's seat (Europe/Rome), for dates that may not lie in the future
     * @param status the project's status: a CUP is assigned when public funding is decided, so a proposal (or a
     *     withdrawn one) may have none yet
     * @return the details with amounts at cent scale
     * @throws InvalidDetailsException listing every broken rule
     */
    public ProjectDetails validate(LocalDate today, ProjectStatus status) {
        List<Violation> violations = new ArrayList<>();
        if (title == null) {
            violations.add(new Violation("title", "is required: the project's title"));
        } else if (title.length() > 500) {
            violations.add(new Violation("title", "must be at most 500 characters"));
        }
        if (acronym != null && acronym.length() > 50) {
            violations.add(new Violation("acronym", "must be at most 50 characters"));
        }
        if (description != null && description.length() > 5000) {
            violations.add(new Violation("description", "must be at most 5000 characters"));
        }
        if (programme == null) {
            violations.add(new Violation("programme", "is required, e.g. {\"kind\":\"FESR\"}"));
        } else {
            programme.check(violations);
        }
        if (cup == null) {
            if (needsCup(status)) {
                violations.add(new Violation(
                        "cup",
                        "is required for " + programme.kind() + " projects once " + status + " (only proposals, and"
                                + " projects of EU-managed programmes such as HORIZON_EUROPE, may have none): the"
                                + " 15-character Codice Unico di Progetto, e.g. E11B22000040007"));
            }
        } else {
            Cup.problem(cup).ifPresent(problem -> violations.add(new Violation("cup", problem)));
        }
        if (axis != null && (axis < 1 || axis > 8)) {
            violations.add(new Violation("axis", "must be a strategic axis of the pact, 1 to 8 (was " + axis + ")"));
        }
        for (int i = 0; i < otherAxes.size(); i++) {
            Integer other = otherAxes.get(i);
            if (other < 1 || other > 8) {
                violations.add(new Violation(
                        "otherAxes[" + i + "]", "must be a strategic axis of the pact, 1 to 8 (was " + other + ")"));
            } else if (axis == null) {
                violations.add(new Violation(
                        "otherAxes", "are further axes of the project: give its (first) axis too, 1 to 8"));
                break;
            }
        }
        if (emblematicAction != null && axis == null) {
            violations.add(new Violation(
                    "emblematicAction", "belongs to a strategic axis of the pact: give the axis (1 to 8) too"));
        }
        for (int i = 0; i < comuniIstat.size(); i++) {
            if (!comuniIstat.get(i).matches("[0-9]{6}")) {
                violations.add(new Violation(
                        "comuniIstat[" + i + "]",
                        "must be the 6-digit ISTAT code of a comune, e.g. 019036 for Cremona (got '"
                                + comuniIstat.get(i) + "')"));
            }
        }
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            violations.add(
                    new Violation("endDate", "must not be before startDate (" + startDate + "), was " + endDate));
        }
        checkMoney(violations);
        checkPartners(violations);
        checkMilestones(today, violations);
        if (!violations.isEmpty()) {
            throw new InvalidDetailsException(violations);
        }
        return new ProjectDetails(
                cup,
                title,
                acronym,
                description,
                programme,
                callId,
                axis,
                emblematicAction,
                s3Ecosystem,
                comuniIstat,
                startDate,
                endDate,
                Amounts.euros(totalCost),
                funding == null ? null : funding.normalised(),
                partners.stream()
                        .map(p -> new Partner(p.organisationId(), p.role(), Amounts.euros(p.budgetShare())))
                        .toList(),
                milestones,
                synthetic,
                otherAxes.stream().filter(a -> !a.equals(axis)).toList());
    }

    /** Whether a project of these details in {@code status} must have a CUP (and has none). */
    public boolean needsCup(ProjectStatus status) {
        return cup == null
                && programme != null
                && programme.kind() != null
                && !programme.kind().isDirectEuProgramme()
                && status != ProjectStatus.PROPOSED
                && status != ProjectStatus.WITHDRAWN;
    }

    private void checkMoney(List<Violation> violations) {
        int before = violations.size();
        Amounts.check("totalCost", totalCost, violations);
        if (funding != null) {
            funding.check(violations);
        }
        if (violations.size() > before) {
            return;
        }
        if (funding != null) {
            if (totalCost == null) {
                violations.add(new Violation(
                        "totalCost", "is required when a funding split is given: the split must add up to it"));
            } else if (funding.sum().compareTo(totalCost) != 0) {
                violations.add(new Violation(
                        "funding",
                        "must add up to the total cost exactly: eu + national + regional + local + privateFunds = "
                                + Amounts.text(funding.sum()) + ", totalCost = " + Amounts.text(totalCost)
                                + " (difference " + Amounts.text(totalCost.subtract(funding.sum())) + ")"));
            }
        }
    }

    private void checkPartners(List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        BigDecimal shares = BigDecimal.ZERO;
        boolean anyShare = false;
        int leads = 0;
        for (int i = 0; i < partners.size(); i++) {
            Partner partner = partners.get(i);
            String field = "partners[" + i + "]";
            if (partner == null) {
                violations.add(new Violation(
                        field, "must be a partner, e.g. {\"organisationId\":\"org-…\",\"role\":\"LEAD\"}"));
                continue;
            }
            if (partner.organisationId() == null) {
                violations.add(
                        new Violation(field + ".organisationId", "is required: the registry id of the organisation"));
            } else if (!seen.add(partner.organisationId())) {
                violations.add(new Violation(
                        field + ".organisationId",
                        "organisation '" + partner.organisationId() + "' is listed twice; list each partner once"));
            }
            if (partner.role() == null) {
                violations.add(new Violation(field + ".role", "is required: one of LEAD, PARTNER, ASSOCIATED"));
            } else if (partner.role() == PartnerRole.LEAD) {
                leads++;
            }
            int before = violations.size();
            Amounts.check(field + ".budgetShare", partner.budgetShare(), violations);
            if (partner.budgetShare() != null && violations.size() == before) {
                shares = shares.add(partner.budgetShare());
                anyShare = true;
            }
        }
        if (leads > 1) {
            violations.add(new Violation("partners", "may have one LEAD (capofila) only, found " + leads));
        }
        if (anyShare) {
            if (totalCost == null) {
                violations.add(new Violation(
                        "totalCost", "is required when partners have budget shares: the shares may not exceed it"));
            } else if (shares.compareTo(totalCost) > 0) {
                violations.add(new Violation(
                        "partners",
                        "budget shares add up to " + Amounts.text(shares) + ", more than the total cost "
                                + Amounts.text(totalCost)));
            }
        }
    }

    private void checkMilestones(LocalDate today, List<Violation> violations) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone milestone = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (milestone == null) {
                violations.add(new Violation(field, "must be a milestone with milestoneId, title and plannedDate"));
                continue;
            }
            if (milestone.milestoneId() == null) {
                violations.add(new Violation(field + ".milestoneId", "is required, e.g. M1"));
            } else if (!ids.add(milestone.milestoneId())) {
                violations.add(new Violation(
                        field + ".milestoneId", "'" + milestone.milestoneId() + "' is used twice; ids must be unique"));
            }
            if (milestone.title() == null) {
                violations.add(new Violation(field + ".title", "is required"));
            }
            if (milestone.plannedDate() == null) {
                violations.add(new Violation(field + ".plannedDate", "is required (ISO-8601 date, e.g. 2026-06-30)"));
            }
            if (milestone.actualDate() != null && milestone.actualDate().isAfter(today)) {
                violations.add(new Violation(
                        field + ".actualDate",
                        "must not be in the future (today is " + today + "), was " + milestone.actualDate()));
            }
        }
    }
}
