package it.osservatorio.indicators.computed.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** COUNT of the facts, or SUM of a numeric field, over the facts that pass the filters. */
public record Aggregate(Function function, String field, List<Filter> filters) {

    public enum Function {
        COUNT,
        SUM
    }

    public Aggregate {
        filters = filters == null ? List.of() : List.copyOf(filters);
        if (function == Function.SUM && (field == null || field.isBlank())) {
            throw new IllegalArgumentException("SUM needs a field");
        }
    }

    public static Aggregate count(Filter... filters) {
        return new Aggregate(Function.COUNT, null, List.of(filters));
    }

    public static Aggregate sum(String field, Filter... filters) {
        return new Aggregate(Function.SUM, field, List.of(filters));
    }

    /** What one fact adds to the aggregate: 0 when it does not pass the filters. */
    public BigDecimal contribution(Map<String, Object> fact) {
        if (fact == null || !filters.stream().allMatch(f -> f.test(fact))) {
            return BigDecimal.ZERO;
        }
        if (function == Function.COUNT) {
            return BigDecimal.ONE;
        }
        return fact.get(field) instanceof BigDecimal number ? number : BigDecimal.ZERO;
    }
}
