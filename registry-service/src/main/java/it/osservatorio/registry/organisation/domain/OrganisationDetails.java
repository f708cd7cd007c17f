package it.osservatorio.registry.organisation.domain;

import it.osservatorio.registry.validation.InvalidDetailsException;
import it.osservatorio.registry.validation.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What an institution states about one of its members; {@link #validate()} checks every rule at once. */
public record OrganisationDetails(
        String legalName,
        OrganisationType type,
        SizeClass sizeClass,
        OrganisationCategory category,
        String partitaIva,
        String codiceFiscale,
        String atecoCode,
        Address address,
        String website,
        List<String> ecosystems,
        String externalId,
        boolean synthetic) {

    /** ATECO 2007/2025: division, then optional group, class, category and subcategory, e.g. 10.51 or 10.51.00. */
    private static final String ATECO = "[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9]{1,2})?)?";

    private static final String CODICE_FISCALE_PERSON =
            "[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]";

    public OrganisationDetails {
        legalName = trim(legalName);
        partitaIva = trim(partitaIva);
        codiceFiscale = codiceFiscale == null ? null : trim(codiceFiscale).toUpperCase();
        website = trim(website);
        atecoCode = trim(atecoCode);
        externalId = trim(externalId);
        ecosystems = ecosystems == null
                ? List.of()
                : ecosystems.stream()
                        .map(String::trim)
                        .filter(e -> !e.isEmpty())
                        .distinct()
                        .toList();
    }

    /** @throws InvalidDetailsException listing every broken rule */
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
        if (type != null && sizeClass != null && type != OrganisationType.IMPRESA) {
            violations.add(new Violation("sizeClass", "applies only to type IMPRESA; leave it out for " + type));
        }
        if (type != null && category != null && category.type() != type) {
            violations.add(
                    new Violation("category", category + " belongs to type " + category.type() + ", not to " + type));
        }
        if (atecoCode != null && !atecoCode.matches(ATECO)) {
            violations.add(new Violation(
                    "atecoCode",
                    "must be an ATECO code such as 10, 10.5, 10.51 or 10.51.00 (got '" + atecoCode + "')"));
        }
        if (externalId != null && externalId.length() > 100) {
            violations.add(new Violation("externalId", "must be at most 100 characters"));
        }
        if (partitaIva == null && codiceFiscale == null && externalId == null) {
            // a body known only from another register (e.g. a report naming it) is identified by its externalId
            violations.add(new Violation(
                    "partitaIva",
                    "give the Partita IVA, the codice fiscale, or both (or, when neither is known, an externalId)"));
        }
        if (partitaIva != null) {
            PartitaIva.problem(partitaIva).ifPresent(p -> violations.add(new Violation("partitaIva", p)));
        }
        if (codiceFiscale != null) {
            codiceFiscaleProblem(codiceFiscale).ifPresent(p -> violations.add(new Violation("codiceFiscale", p)));
        }
        validateAddress(violations);
        if (website != null && website.length() > 300) {
            violations.add(new Violation("website", "must be at most 300 characters"));
        } else if (website != null) {
            websiteProblem(website).ifPresent(p -> violations.add(new Violation("website", p)));
        }
        if (ecosystems.size() > 20) {
            violations.add(new Violation("ecosystems", "must list at most 20 ecosystems"));
        }
        for (int i = 0; i < ecosystems.size(); i++) {
            if (ecosystems.get(i).length() > 120) {
                violations.add(new Violation("ecosystems[" + i + "]", "must be at most 120 characters"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidDetailsException(violations);
        }
        return this;
    }

    private void validateAddress(List<Violation> violations) {
        if (address == null) {
            violations.add(new Violation("address", "is required: at least comune, comuneIstat and province"));
            return;
        }
        if (address.street() != null && address.street().length() > 200) {
            violations.add(new Violation("address.street", "must be at most 200 characters"));
        }
        if (address.region() != null && address.region().length() > 60) {
            violations.add(new Violation("address.region", "must be at most 60 characters, e.g. Lombardia"));
        }
        if (blank(address.comune())) {
            violations.add(new Violation("address.comune", "is required: the name of the comune, e.g. Cremona"));
        } else if (address.comune().length() > 100) {
            violations.add(new Violation("address.comune", "must be at most 100 characters"));
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
