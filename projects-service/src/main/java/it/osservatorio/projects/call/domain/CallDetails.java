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
        boolean synthetic) {

    public CallDetails {
        issuer = trim(issuer);
        title = trim(title);
        link = trim(link);
        ecosystems = trimAll(ecosystems);
        eligibleBeneficiaryTypes = trimAll(eligibleBeneficiaryTypes);
    }

    /** @throws InvalidDetailsException listing every broken rule */
    public CallDetails validate() {
        List<Violation> violations = new ArrayList<>();
        if (issuer == null) {
            violations.add(new Violation("issuer", "is required: who issues the call, e.g. Regione Lombardia"));
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
                synthetic);
    }

    /** The status at {@code now}; without an opening time a published call counts as open until its deadline. */
    public CallStatus statusAt(Instant now) {
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
