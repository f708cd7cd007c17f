package it.osservatorio.registry.network.domain;

import it.osservatorio.registry.validation.InvalidDetailsException;
import it.osservatorio.registry.validation.Violation;
import java.net.URI;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * What is known of a cluster or filiera. {@code managingBody} is the cluster's managing body or the filiera's
 * capofila (lead organisation); {@code territory} says where a filiera works.
 */
public record NetworkDetails(
        String acronym,
        String name,
        String nameEn,
        List<String> ecosystems,
        List<String> technologyAreas,
        String managingBody,
        Integer foundingYear,
        String recognitionStatus,
        String website,
        List<String> seats,
        String territory) {

    public NetworkDetails {
        acronym = trim(acronym);
        name = trim(name);
        nameEn = trim(nameEn);
        managingBody = trim(managingBody);
        recognitionStatus = trim(recognitionStatus);
        website = trim(website);
        territory = trim(territory);
        ecosystems = clean(ecosystems);
        technologyAreas = clean(technologyAreas);
        seats = clean(seats);
    }

    /** @throws InvalidDetailsException listing every broken rule */
    public NetworkDetails validate(NetworkKind kind) {
        List<Violation> violations = new ArrayList<>();
        if (name == null) {
            violations.add(
                    new Violation("name", "is required: the " + kind.label().toLowerCase() + "'s name"));
        }
        maxLength(violations, "name", name, 300);
        maxLength(violations, "nameEn", nameEn, 300);
        maxLength(violations, "acronym", acronym, 20);
        maxLength(violations, "managingBody", managingBody, 300);
        maxLength(violations, "recognitionStatus", recognitionStatus, 500);
        maxLength(violations, "territory", territory, 300);
        if (foundingYear != null
                && (foundingYear < 1800 || foundingYear > Year.now().getValue())) {
            violations.add(new Violation(
                    "foundingYear",
                    "must be a year between 1800 and " + Year.now().getValue() + " (got " + foundingYear + ")"));
        }
        if (website != null && !isWebAddress(website)) {
            violations.add(
                    new Violation("website", "must be a web address such as https://www.afil.it or www.afil.it"));
        }
        listLimits(violations, "ecosystems", ecosystems, 20, 120);
        listLimits(violations, "technologyAreas", technologyAreas, 30, 200);
        listLimits(violations, "seats", seats, 10, 300);
        if (!violations.isEmpty()) {
            throw new InvalidDetailsException(violations);
        }
        return this;
    }

    private static boolean isWebAddress(String value) {
        String candidate = value.startsWith("http://") || value.startsWith("https://") ? value : "https://" + value;
        try {
            URI uri = URI.create(candidate);
            return uri.getHost() != null && uri.getHost().contains(".") && value.length() <= 300;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void maxLength(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static void listLimits(
            List<Violation> violations, String field, List<String> values, int items, int chars) {
        if (values.size() > items) {
            violations.add(new Violation(field, "must list at most " + items + " entries"));
        }
        for (int i = 0; i < values.size(); i++) {
            maxLength(violations, field + "[" + i + "]", values.get(i), chars);
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::trim)
                        .distinct()
                        .toList();
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
