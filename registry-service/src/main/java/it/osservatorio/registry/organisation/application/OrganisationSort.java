package it.osservatorio.registry.organisation.application;

import it.osservatorio.platform.web.InvalidFieldException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order of search results, e.g. {@code legalName,-createdAt} (a leading minus sorts descending). The id always
 * breaks ties, ascending, so that the order is total and a cursor is a position in it.
 */
public record OrganisationSort(List<Order> orders) {

    public static final OrganisationSort BY_ID = new OrganisationSort(List.of());

    public OrganisationSort {
        orders = List.copyOf(orders);
    }

    public record Order(Field field, boolean descending) {
        @Override
        public String toString() {
            return (descending ? "-" : "") + field.parameter;
        }
    }

    /** The fields one can sort by, with how each is compared and written into a cursor. */
    public enum Field {
        LEGAL_NAME("legalName") {
            @Override
            Comparable<?> key(OrganisationSearchIndex.Entry entry) {
                return entry.nameSortKey();
            }
        },
        CREATED_AT("createdAt") {
            @Override
            Comparable<?> key(OrganisationSearchIndex.Entry entry) {
                return entry.organisation().createdAt();
            }

            @Override
            Comparable<?> decode(String value) {
                return Instant.parse(value);
            }
        },
        UPDATED_AT("updatedAt") {
            @Override
            Comparable<?> key(OrganisationSearchIndex.Entry entry) {
                return entry.organisation().updatedAt();
            }

            @Override
            Comparable<?> decode(String value) {
                return Instant.parse(value);
            }
        },
        PROVINCE("province") {
            @Override
            Comparable<?> key(OrganisationSearchIndex.Entry entry) {
                return entry.organisation().details().address().province();
            }
        },
        TYPE("type") {
            @Override
            Comparable<?> key(OrganisationSearchIndex.Entry entry) {
                return entry.organisation().details().type().name();
            }
        };

        private final String parameter;

        Field(String parameter) {
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        abstract Comparable<?> key(OrganisationSearchIndex.Entry entry);

        /** @throws DateTimeParseException or IllegalArgumentException when the cursor was tampered with */
        Comparable<?> decode(String value) {
            return value;
        }
    }

    public static final Set<String> ALLOWED = Arrays.stream(Field.values())
            .map(Field::parameter)
            .collect(Collectors.toCollection(java.util.TreeSet::new));

    /**
     * @param parameter e.g. {@code legalName,-createdAt}; null or blank means by id
     * @throws InvalidFieldException naming {@code sort} and the allowed fields
     */
    public static OrganisationSort parse(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return BY_ID;
        }
        List<Order> orders = new ArrayList<>();
        Set<Field> seen = EnumSet.noneOf(Field.class);
        for (String part : parameter.split(",", -1)) {
            String name = part.trim();
            boolean descending = name.startsWith("-");
            if (descending || name.startsWith("+")) {
                name = name.substring(1);
            }
            String wanted = name;
            Field field = Arrays.stream(Field.values())
                    .filter(f -> f.parameter.equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new InvalidFieldException(
                            "sort",
                            "'" + wanted + "' is not a sortable field; allowed sort fields are "
                                    + String.join(", ", ALLOWED) + " (prefix with - for descending, e.g."
                                    + " sort=legalName,-createdAt)"));
            if (!seen.add(field)) {
                throw new InvalidFieldException("sort", "names '" + wanted + "' twice");
            }
            orders.add(new Order(field, descending));
        }
        return new OrganisationSort(orders);
    }

    @Override
    public String toString() {
        return orders.stream().map(Order::toString).collect(Collectors.joining(","));
    }
}
