package it.osservatorio.registry.importing.domain;

import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import it.osservatorio.registry.validation.InvalidDetailsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns a row's text into organisation details, checked by the same rules (and messages) as the API. */
public final class RowMapper {

    private RowMapper() {}

    /** The row's details when every field is valid, else every problem of the row. */
    public static MappedRow map(RowInput input) {
        List<RowProblem> problems = new ArrayList<>();
        OrganisationType type = parseEnum(input, "type", OrganisationType.class, problems);
        SizeClass sizeClass = parseEnum(input, "sizeClass", SizeClass.class, problems);
        OrganisationCategory category = parseEnum(input, "category", OrganisationCategory.class, problems);
        boolean synthetic = parseBoolean(input, "synthetic", problems);
        String ecosystems = input.value("ecosystems");
        OrganisationDetails details = new OrganisationDetails(
                input.value("legalName"),
                type,
                sizeClass,
                category,
                input.value("partitaIva"),
                input.value("codiceFiscale"),
                input.value("atecoCode"),
                new Address(
                        input.value("street"),
                        input.value("comune"),
                        input.value("comuneIstat"),
                        input.value("province"),
                        input.value("region")),
                input.value("website"),
                ecosystems == null ? List.of() : Arrays.asList(ecosystems.split(ImportColumns.ECOSYSTEM_SEPARATOR, -1)),
                input.value("externalId"),
                synthetic);
        try {
            details.validate();
        } catch (InvalidDetailsException e) {
            e.violations().stream()
                    // a type that did not parse is already reported; "is required" would only confuse
                    .filter(v -> !(v.field().equals("type") && input.value("type") != null))
                    .forEach(v -> problems.add(new RowProblem(input.row(), column(v.field()), v.message())));
        }
        return problems.isEmpty() ? MappedRow.valid(input.row(), details) : MappedRow.invalid(input.row(), problems);
    }

    /** The API names address fields {@code address.comune}; the file's column is {@code comune}. */
    private static String column(String field) {
        if (field.startsWith("address.")) {
            return field.substring("address.".length());
        }
        if (field.equals("address")) {
            return "comune";
        }
        int bracket = field.indexOf('[');
        return bracket > 0 ? field.substring(0, bracket) : field;
    }

    private static <E extends Enum<E>> E parseEnum(
            RowInput input, String column, Class<E> type, List<RowProblem> problems) {
        String value = input.value(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RowProblem(
                    input.row(),
                    column,
                    "must be one of "
                            + Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))));
            return null;
        }
    }

    private static boolean parseBoolean(RowInput input, String column, List<RowProblem> problems) {
        String value = input.value(column);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        problems.add(new RowProblem(input.row(), column, "must be true or false"));
        return false;
    }

    /** A row and either its valid details or its problems. */
    public record MappedRow(int row, OrganisationDetails details, List<RowProblem> problems) {

        static MappedRow valid(int row, OrganisationDetails details) {
            return new MappedRow(row, details, List.of());
        }

        static MappedRow invalid(int row, List<RowProblem> problems) {
            return new MappedRow(row, null, List.copyOf(problems));
        }

        public boolean isValid() {
            return problems.isEmpty();
        }
    }
}
