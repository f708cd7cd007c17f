package it.osservatorio.registry.organisation.adapter;

import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.registry.organisation.application.OrganisationFilter;
import it.osservatorio.registry.organisation.application.OrganisationSearchParameter;
import it.osservatorio.registry.organisation.application.OrganisationSort;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Turns the query parameters of the search and the export into a filter and a sort, naming every wrong one. */
final class OrganisationSearchParameters {

    static final List<String> FILTERS = List.of(
            "type",
            "sizeClass",
            "category",
            "province",
            "comune",
            "atecoPrefix",
            "ecosystem",
            "name",
            "synthetic",
            "owner");

    private static final String ATECO_PREFIX = "[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9]{1,2})?)?";

    record Parsed(OrganisationFilter filter, OrganisationSort sort) {}

    private final Map<String, OrganisationSearchParameter> extensions;

    OrganisationSearchParameters(List<OrganisationSearchParameter> extensions) {
        this.extensions =
                extensions.stream().collect(Collectors.toMap(OrganisationSearchParameter::name, e -> e, (a, b) -> a));
    }

    /**
     * @param own the parameters of the operation besides the filters, e.g. sort, limit, cursor
     * @throws InvalidFieldException naming every unknown parameter (with the allowed ones) and every wrong value
     */
    Parsed parse(Map<String, String> parameters, Set<String> own) {
        Set<String> allowed = new TreeSet<>(FILTERS);
        allowed.addAll(extensions.keySet());
        allowed.addAll(own);
        List<FieldProblem> problems = new ArrayList<>();
        parameters.keySet().stream()
                .filter(name -> !allowed.contains(name))
                .forEach(name -> problems.add(new FieldProblem(
                        name, "is not a known parameter; allowed parameters are " + String.join(", ", allowed))));
        OrganisationFilter.Builder filter = OrganisationFilter.builder();
        String type = value(parameters, "type");
        if (type != null) {
            enumValue(OrganisationType.class, "type", type, problems, filter::type);
        }
        String sizeClass = value(parameters, "sizeClass");
        if (sizeClass != null) {
            enumValue(SizeClass.class, "sizeClass", sizeClass, problems, filter::sizeClass);
        }
        String category = value(parameters, "category");
        if (category != null) {
            enumValue(OrganisationCategory.class, "category", category, problems, filter::category);
        }
        String province = value(parameters, "province");
        if (province != null) {
            if (province.matches("[A-Za-z]{2}")) {
                filter.province(province.toUpperCase(Locale.ROOT));
            } else {
                problems.add(new FieldProblem("province", "must be a two-letter province code, e.g. CR"));
            }
        }
        String comune = value(parameters, "comune");
        if (comune != null) {
            if (comune.length() > 100) {
                problems.add(new FieldProblem("comune", "must be at most 100 characters"));
            } else {
                filter.comune(comune);
            }
        }
        String ateco = value(parameters, "atecoPrefix");
        if (ateco != null) {
            if (ateco.matches(ATECO_PREFIX)) {
                filter.atecoPrefix(ateco);
            } else {
                problems.add(new FieldProblem(
                        "atecoPrefix", "must be the start of an ATECO code such as 62, 62.0, 62.01 or 62.01.00"));
            }
        }
        String ecosystem = value(parameters, "ecosystem");
        if (ecosystem != null) {
            filter.ecosystem(ecosystem);
        }
        String name = value(parameters, "name");
        if (name != null) {
            if (name.length() > 300) {
                problems.add(new FieldProblem("name", "must be at most 300 characters"));
            } else {
                filter.name(name);
            }
        }
        String synthetic = value(parameters, "synthetic");
        if (synthetic != null) {
            if (synthetic.equalsIgnoreCase("true") || synthetic.equalsIgnoreCase("false")) {
                filter.synthetic(Boolean.parseBoolean(synthetic.toLowerCase(Locale.ROOT)));
            } else {
                problems.add(new FieldProblem("synthetic", "must be true or false"));
            }
        }
        String owner = value(parameters, "owner");
        if (owner != null) {
            filter.owner(owner);
        }
        extensions.forEach((parameter, extension) -> {
            String given = value(parameters, parameter);
            if (given != null) {
                try {
                    filter.organisationIds(extension.organisationIds(given));
                } catch (InvalidFieldException e) {
                    problems.addAll(e.problems());
                }
            }
        });
        OrganisationSort sort = OrganisationSort.BY_ID;
        if (own.contains("sort")) {
            try {
                sort = OrganisationSort.parse(parameters.get("sort"));
            } catch (InvalidFieldException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return new Parsed(filter.build(), sort);
    }

    /** Trimmed, null when absent or blank. */
    private static String value(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> void enumValue(
            Class<E> type, String parameter, String value, List<FieldProblem> problems, Consumer<E> use) {
        try {
            use.accept(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(
                    parameter,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))));
        }
    }
}
