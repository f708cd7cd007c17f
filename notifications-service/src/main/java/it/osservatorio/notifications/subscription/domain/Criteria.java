package it.osservatorio.notifications.subscription.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a notice must be about. An empty list accepts any value; values within a list are alternatives; criteria
 * together must all hold. With {@code profileOrganisationId} the beneficiary type, ecosystems and territory come from
 * that registry organisation instead, kept in step when it changes.
 */
public record Criteria(
        List<String> programmes,
        List<Integer> axes,
        List<String> ecosystems,
        List<String> beneficiaryTypes,
        List<String> territories,
        BigDecimal minBudget,
        BigDecimal maxBudget,
        List<String> keywords,
        String profileOrganisationId) {

    public static final int MAX_VALUES = 50;

    public Criteria {
        programmes = copy(programmes);
        axes = axes == null ? List.of() : List.copyOf(new LinkedHashSet<>(axes));
        ecosystems = copy(ecosystems);
        beneficiaryTypes = copy(beneficiaryTypes);
        territories = copy(territories);
        keywords = copy(keywords);
        profileOrganisationId =
                profileOrganisationId == null || profileOrganisationId.isBlank() ? null : profileOrganisationId.trim();
    }

    public static Criteria any() {
        return new Criteria(null, null, null, null, null, null, null, null, null);
    }

    private static List<String> copy(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : values) {
            out.add(value == null ? null : value.trim());
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /**
     * The same criteria with every value in its canonical spelling, or every field to fix: unknown programmes, axes,
     * ecosystems, beneficiary types or provinces, a budget range that is negative or reversed, empty keywords.
     */
    public Criteria validated(String prefix) {
        List<Violation> violations = new ArrayList<>();
        List<String> programmeValues = canonical(prefix + "programmes", programmes, Vocabulary.PROGRAMMES, violations);
        for (int i = 0; i < axes.size(); i++) {
            Integer axis = axes.get(i);
            if (axis == null || axis < 1 || axis > Vocabulary.AXES) {
                violations.add(new Violation(
                        prefix + "axes[" + i + "]", "must be a strategic axis of the pact, 1 to " + Vocabulary.AXES));
            }
        }
        List<String> ecosystemValues = canonical(prefix + "ecosystems", ecosystems, Vocabulary.ECOSYSTEMS, violations);
        List<String> typeValues =
                canonical(prefix + "beneficiaryTypes", beneficiaryTypes, Vocabulary.BENEFICIARY_TYPES, violations);
        List<String> territoryValues = canonical(prefix + "territories", territories, Vocabulary.PROVINCES, violations);
        if (minBudget != null && minBudget.signum() < 0) {
            violations.add(new Violation(prefix + "minBudget", "must be zero or more EUR"));
        }
        if (maxBudget != null && maxBudget.signum() < 0) {
            violations.add(new Violation(prefix + "maxBudget", "must be zero or more EUR"));
        }
        if (minBudget != null && maxBudget != null && minBudget.compareTo(maxBudget) > 0) {
            violations.add(new Violation(prefix + "maxBudget", "must not be below minBudget (" + minBudget + ")"));
        }
        if (keywords.size() > MAX_VALUES) {
            violations.add(new Violation(prefix + "keywords", "must list at most " + MAX_VALUES + " keywords"));
        }
        for (int i = 0; i < keywords.size(); i++) {
            String keyword = keywords.get(i);
            if (keyword == null || Texts.fold(keyword).isEmpty()) {
                violations.add(new Violation(prefix + "keywords[" + i + "]", "must contain a letter or a digit"));
            } else if (keyword.length() > 100) {
                violations.add(new Violation(prefix + "keywords[" + i + "]", "must be at most 100 characters"));
            }
        }
        if (profileOrganisationId != null && profileOrganisationId.length() > 100) {
            violations.add(new Violation(prefix + "profileOrganisationId", "must be at most 100 characters"));
        }
        if (profileOrganisationId != null
                && !(beneficiaryTypes.isEmpty() && ecosystems.isEmpty() && territories.isEmpty())) {
            violations.add(new Violation(
                    prefix + "profileOrganisationId",
                    "takes beneficiary type, ecosystems and territory from the organisation: leave beneficiaryTypes,"
                            + " ecosystems and territories out"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSubscriptionException(violations);
        }
        return new Criteria(
                programmeValues,
                axes,
                ecosystemValues,
                typeValues,
                territoryValues,
                minBudget,
                maxBudget,
                keywords,
                profileOrganisationId);
    }

    private static List<String> canonical(
            String field, List<String> values, List<String> allowed, List<Violation> violations) {
        List<String> out = new ArrayList<>();
        if (values.size() > MAX_VALUES) {
            violations.add(new Violation(field, "must list at most " + MAX_VALUES + " values"));
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            var known = value == null ? java.util.Optional.<String>empty() : Vocabulary.canonical(allowed, value);
            if (known.isEmpty()) {
                violations.add(new Violation(
                        field + "[" + i + "]",
                        "'" + value + "' is not known; use one of " + String.join(", ", allowed)));
            } else if (!out.contains(known.get())) {
                out.add(known.get());
            }
        }
        return out;
    }
}
