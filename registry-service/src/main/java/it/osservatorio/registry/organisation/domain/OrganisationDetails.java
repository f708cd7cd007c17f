package it.osservatorio.registry.organisation.domain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an institution states about one of its members; {@link #validate()} checks every rule at once. */
public record OrganisationDetails(
        String legalName,
        OrganisationType type,
        String partitaIva,
        String codiceFiscale,
        Address address,
        String website,
        List<String> ecosystems) {

    private static final String CODICE_FISCALE_PERSON =
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]";

    public OrganisationDetails {
        legalName = trim(legalName);
        partitaIva = trim(partitaIva);
        codiceFiscale = codiceFiscale == null ? null : trim(codiceFiscale).toUpperCase();
        website = trim(website);
        ecosystems = ecosystems == null
                ? List.of()
                : ecosystems.stream()
                        .map(String::trim)
                        .filter(e -> !e.isEmpty())
                        .distinct()
                        .toList();
    }

    /** @throws InvalidOrganisationException listing every broken rule */
    public OrganisationDetails validate() {
        List<Violation> violations = new ArrayList<>();
        if (legalName == null || legalName.isEmpty()) {
            violations.add(new Violation("legalName", "is required: the registered legal name (ragione sociale)"));
        } else if (legalName.length() > 300) {
            violations.add(new Violation("legalName", "must be at most 300 characters"));
        }
        if (type == null) {
            violations.add(new Violation("type", "is required: one of IMPRESA, ORGANISMO_DI_RICERCA, ALTRO_ENTE"));
        }
        if (partitaIva == null && codiceFiscale == null) {
            violations.add(new Violation("partitaIva", "give the Partita IVA, the codice fiscale, or both"));
        }
        if (partitaIva != null) {
            PartitaIva.problem(partitaIva).ifPresent(p -> violations.add(new Violation("partitaIva", p)));
        }
        if (codiceFiscale != null) {
            codiceFiscaleProblem(codiceFiscale).ifPresent(p -> violations.add(new Violation("codiceFiscale", p)));
        }
        validateAddress(violations);
        if (website != null) {
            websiteProblem(website).ifPresent(p -> violations.add(new Violation("website", p)));
        }
        for (int i = 0; i < ecosystems.size(); i++) {
            if (ecosystems.get(i).length() > 120) {
                violations.add(new Violation("ecosystems[" + i + "]", "must be at most 120 characters"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidOrganisationException(violations);
        }
        return this;
    }

    private void validateAddress(List<Violation> violations) {
        if (address == null) {
            violations.add(new Violation("address", "is required: at least comune, comuneIstat and province"));
            return;
        }
        if (blank(address.comune())) {
            violations.add(new Violation("address.comune", "is required: the name of the comune, e.g. Cremona"));
        }
        if (blank(address.comuneIstat()) || !address.comuneIstat().matches("[0-9]{6}")) {
            violations.add(new Violation(
                    "address.comuneIstat", "must be the comune's six-digit ISTAT code, e.g. 019036 for Cremona"));
        }
        if (blank(address.province()) || !address.province().matches("[A-Z]{2}")) {
            violations.add(
                    new Violation("address.province", "must be the two-letter province code in capitals, e.g. CR"));
        }
    }

    private static Optional<String> codiceFiscaleProblem(String value) {
        if (value.matches("[0-9]{11}")) {
            return PartitaIva.problem(value).map(p -> "a numeric codice fiscale (of a body) " + p);
        }
        if (value.matches(CODICE_FISCALE_PERSON)) {
            return Optional.empty();
        }
        return Optional.of("must be 11 digits (bodies) or the 16-character personal format, e.g. RSSMRA85T10A562S");
    }

    private static Optional<String> websiteProblem(String value) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        return Optional.of("must be an http or https address, e.g. https://www.example.it");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
