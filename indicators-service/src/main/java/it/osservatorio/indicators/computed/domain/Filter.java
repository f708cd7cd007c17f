package it.osservatorio.indicators.computed.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A condition on one field of a fact: its text form equals one of the values, or none of them. A field holding a
 * collection (a project's axes) is listed when any of its elements is.
 */
public record Filter(String field, Operator operator, List<String> values) {

    public enum Operator {
        IN,
        NOT_IN
    }

    public Filter {
        values = List.copyOf(values);
    }

    public static Filter eq(String field, String value) {
        return new Filter(field, Operator.IN, List.of(value));
    }

    public static Filter in(String field, String... values) {
        return new Filter(field, Operator.IN, List.of(values));
    }

    public static Filter notIn(String field, String... values) {
        return new Filter(field, Operator.NOT_IN, List.of(values));
    }

    public boolean test(Map<String, Object> fact) {
        Object value = fact.get(field);
        boolean listed = value instanceof Collection<?> elements
                ? elements.stream().anyMatch(element -> element != null && values.contains(element.toString()))
                : value != null && values.contains(value.toString());
        return operator == Operator.IN ? listed : !listed;
    }
}
