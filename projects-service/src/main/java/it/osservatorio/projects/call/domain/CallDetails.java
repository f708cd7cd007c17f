package it.osservatorio.projects.call.domain;

import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.validation.Amounts;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an issuer publishes about a call for proposals (bando). Opening time and deadline are instants (the API reads
 * and writes them in Europe/Rome time); either may be unknown. The budget is EUR, null when not published.
 *
 * <p>A call may also be recorded from a report that names it without dates (e.g. a call that funded a project years
 * ago). Its status then cannot follow from dates: it is the {@code reportedStatus} (OPEN or CLOSED) the report gives,
 * with what the report says in {@code reportedStatusNote}, or UNKNOWN; no date is ever made up for it, and such a
 * call has no notices. Its issuer may be unknown too.
 */
public record CallDetails(
        String issuer,
        String title,
        ProgrammeKind programme,
        Integer axis,
        List<String> ecosystems,
        List<String> eligibleBeneficiaryTypes,
        BigDecimal budget,
        Instant opensAt,
        Instant deadline,
        String link,
        boolean synthetic,
        CallStatus reportedStatus,
        String reportedStatusNote) {

    public CallDetails {
        issuer = trim(issuer);
        title = trim(title);
        link = trim(link);
        reportedStatusNote = trim(reportedStatusNote);
        ecosystems = trimAll(ecosystems);
        eligibleBeneficiaryTypes = trimAll(eligibleBeneficiaryTypes);
    }

    /** @throws InvalidDetailsException listing every broken rule */
    public CallDetails validate() {
        List<Violation> violations = new ArrayList<>();
        if (issuer == null && datesKnown()) {
            violations.add(new Violation(
                    "issuer",
                    "is required: who issues the call, e.g. Regione Lombardia (only a call recorded without dates"
                            + " from a source that names no issuer may leave it empty)"));
        } else if (issuer != null && issuer.length() > 300) {
            violations.add(new Violation("issuer", "must be at most 300 characters"));
        }
        if (reportedStatus != null) {
            if (datesKnown()) {
                violations.add(new Violation(
                        "reportedStatus",
                        "is only for a call whose dates are not known; with opensAt or deadline the status follows"
                                + " from the dates: remove reportedStatus"));
            } else if (reportedStatus != CallStatus.OPEN && reportedStatus != CallStatus.CLOSED) {
                violations.add(new Violation(
                        "reportedStatus",
                        "must be OPEN or CLOSED, as the source reports it (leave it empty when the source does not"
                                + " say)"));
            }
        }
        if (reportedStatusNote != null && reportedStatusNote.length() > 1000) {
            violations.add(new Violation("reportedStatusNote", "must be at most 1000 characters"));
        }
        if (title == null) {
            violations.add(new Violation("title", "is required: the call's title"));
        } else if (title.length() > 500) {
            violations.add(new Violation("title", "must be at most 500 characters"));
        }
        if (programme == null) {
            violations.add(new Violation(
                    "programme",
                    "is required: one of FESR, FSE_PLUS, PNRR, HORIZON_EUROPE, H2020, INTERREG, COSME, LIFE,"
                            + " REGIONAL, CREMONA_PACT, OTHER"));
        }
        if (axis != null && (axis < 1 || axis > 8)) {
            violations.add(new Violation("axis", "must be a strategic axis of the pact, 1 to 8 (was " + axis + ")"));
        }
        Amounts.check("budget", budget, violations);
        if (opensAt != null && deadline != null && !deadline.isAfter(opensAt)) {
            violations.add(new Violation("deadline", "must be after opensAt; the dates look reversed"));
        }
        if (link != null) {
            try {
                URI uri = new URI(link);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                    throw new URISyntaxException(link, "not http(s)");
                }
            } catch (URISyntaxException e) {
                violations.add(
                        new Violation("link", "must be a web address, e.g. https://www.bandi.regione.lombardia.it/…"));
            }
        }
        for (int i = 0; i < eligibleBeneficiaryTypes.size(); i++) {
            if (eligibleBeneficiaryTypes.get(i).length() > 60) {
                violations.add(new Violation("eligibleBeneficiaryTypes[" + i + "]", "must be at most 60 characters"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidDetailsException(violations);
        }
        return new CallDetails(
                issuer,
                title,
                programme,
                axis,
                ecosystems,
                eligibleBeneficiaryTypes,
                Amounts.euros(budget),
                opensAt,
                deadline,
                link,
                synthetic,
                reportedStatus,
                reportedStatusNote);
    }

    /** Whether the opening time or the deadline is known. */
    public boolean datesKnown() {
        return opensAt != null || deadline != null;
    }

    public StatusBasis statusBasis() {
        if (datesKnown()) {
            return StatusBasis.DATES;
        }
        return reportedStatus == null ? StatusBasis.NONE : StatusBasis.REPORTED;
    }

    /**
     * The status at {@code now}; without an opening time a call with a deadline counts as open until its deadline.
     * Without any date it is the reported status, or UNKNOWN.
     */
    public CallStatus statusAt(Instant now) {
        if (!datesKnown()) {
            return reportedStatus == null ? CallStatus.UNKNOWN : reportedStatus;
        }
        if (opensAt != null && now.isBefore(opensAt)) {
            return CallStatus.FORTHCOMING;
        }
        if (deadline != null && !now.isBefore(deadline)) {
            return CallStatus.CLOSED;
        }
        return CallStatus.OPEN;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static List<String> trimAll(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .map(CallDetails::trim)
                        .filter(v -> v != null)
                        .distinct()
                        .toList();
    }
}
