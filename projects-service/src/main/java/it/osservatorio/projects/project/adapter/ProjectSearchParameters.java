package it.osservatorio.projects.project.adapter;

import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.projects.project.application.ProjectFilter;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Turns query parameters into a {@link ProjectFilter}, naming every parameter that is unknown or malformed. */
final class ProjectSearchParameters {

    static final List<String> FILTERS = List.of(
            "programme",
            "axis",
            "status",
            "call",
            "partner",
            "comune",
            "owner",
            "ecosystem",
            "cup",
            "minTotalCost",
            "maxTotalCost",
            "startFrom",
            "startTo",
            "endFrom",
            "endTo");

    private ProjectSearchParameters() {}

    /** @param others the parameters of the operation besides the filters (e.g. limit, cursor) */
    static ProjectFilter parse(Map<String, String> parameters, Set<String> others) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> allowed = new TreeSet<>(FILTERS);
        allowed.addAll(others);
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                problems.add(new FieldProblem(
                        name, "is not a parameter of this operation; allowed: " + String.join(", ", allowed)));
            }
        }
        Set<ProgrammeKind> programmes = enums("programme", parameters.get("programme"), ProgrammeKind.class, problems);
        Set<ProjectStatus> statuses = enums("status", parameters.get("status"), ProjectStatus.class, problems);
        Set<Integer> axes = new LinkedHashSet<>();
        for (String axis : list(parameters.get("axis"))) {
            try {
                int value = Integer.parseInt(axis);
                if (value < 1 || value > 8) {
                    throw new NumberFormatException();
                }
                axes.add(value);
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(
                        "axis", "must be strategic axes 1 to 8, comma-separated (got '" + axis + "')"));
            }
        }
        BigDecimal min = amount("minTotalCost", parameters.get("minTotalCost"), problems);
        BigDecimal max = amount("maxTotalCost", parameters.get("maxTotalCost"), problems);
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(new FieldProblem("maxTotalCost", "must not be below minTotalCost"));
        }
        LocalDate startFrom = date("startFrom", parameters.get("startFrom"), problems);
        LocalDate startTo = date("startTo", parameters.get("startTo"), problems);
        LocalDate endFrom = date("endFrom", parameters.get("endFrom"), problems);
        LocalDate endTo = date("endTo", parameters.get("endTo"), problems);
        String comune = text(parameters.get("comune"));
        if (comune != null && !comune.matches("[0-9]{6}")) {
            problems.add(new FieldProblem("comune", "must be the 6-digit ISTAT code of a comune, e.g. 019036"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        String cup = text(parameters.get("cup"));
        return new ProjectFilter(
                programmes,
                axes,
                statuses,
                text(parameters.get("call")),
                text(parameters.get("partner")),
                comune,
                text(parameters.get("owner")),
                text(parameters.get("ecosystem")),
                cup == null ? null : cup.replaceAll("\\s", "").toUpperCase(Locale.ROOT),
                min,
                max,
                startFrom,
                startTo,
                endFrom,
                endTo);
    }

    private static <E extends Enum<E>> Set<E> enums(
            String name, String value, Class<E> type, List<FieldProblem> problems) {
        Set<E> result = EnumSet.noneOf(type);
        for (String item : list(value)) {
            try {
                result.add(Enum.valueOf(type, item.toUpperCase(Locale.ROOT).replace("+", "_PLUS")));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(
                        name,
                        "'" + item + "' is not one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(type.getEnumConstants())
                                                .map(Enum::name)
                                                .toList())));
            }
        }
        return result;
    }

    private static BigDecimal amount(String name, String value, List<FieldProblem> problems) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            if (amount.signum() < 0
                    || amount.compareTo(Amounts.MAX) > 0
                    || amount.stripTrailingZeros().scale() > 2) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.add(
                    new FieldProblem(name, "must be an amount in EUR, e.g. 150000 or 150000.50 (got '" + text + "')"));
            return null;
        }
    }

    private static LocalDate date(String name, String value, List<FieldProblem> problems) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be an ISO-8601 date, e.g. 2026-03-05 (got '" + text + "')"));
            return null;
        }
    }

    private static List<String> list(String value) {
        String text = text(value);
        return text == null
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
