package it.osservatorio.indicators.computed.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A computed indicator, declared: over the facts of one source that pass {@code filters}, the numerator, divided by
 * the optional denominator and multiplied by {@code scale} (100 for a percentage). Ratios are rounded to 2 decimals;
 * without a denominator the numerator is exact. A zero denominator gives no value.
 */
public record Formula(
        Source source, List<Filter> filters, Aggregate numerator, Aggregate denominator, BigDecimal scale) {

    public Formula {
        filters = filters == null ? List.of() : List.copyOf(filters);
        scale = scale == null ? BigDecimal.ONE : scale;
    }

    public boolean selects(Map<String, Object> fact) {
        return fact != null && filters.stream().allMatch(f -> f.test(fact));
    }

    public BigDecimal numeratorOf(Map<String, Object> fact) {
        return selects(fact) ? numerator.contribution(fact) : BigDecimal.ZERO;
    }

    public BigDecimal denominatorOf(Map<String, Object> fact) {
        return denominator != null && selects(fact) ? denominator.contribution(fact) : BigDecimal.ZERO;
    }

    /** The value from the two running totals, or null when the denominator is zero. */
    public BigDecimal value(BigDecimal numeratorTotal, BigDecimal denominatorTotal) {
        if (denominator == null) {
            return normalise(numeratorTotal.multiply(scale));
        }
        if (denominatorTotal.signum() == 0) {
            return null;
        }
        return normalise(numeratorTotal.multiply(scale).divide(denominatorTotal, 2, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
