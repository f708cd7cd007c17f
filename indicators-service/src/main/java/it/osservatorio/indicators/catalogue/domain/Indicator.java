package it.osservatorio.indicators.catalogue.domain;

import it.osservatorio.contracts.indicators.IndicatorDirection;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Kind;
import it.osservatorio.indicators.computed.domain.Formula;
import java.math.BigDecimal;

/**
 * An indicator of the catalogue. Observed ones receive values from institutions; computed ones carry the
 * {@link Formula} that derives their value from the other services' events, for one territory.
 *
 * @param seq the row of the pact's table (1 to 24), 0 for indicators added later
 * @param unit as printed; null where the pact prints none
 * @param minValue smallest accepted value, null for no bound
 * @param maxValue largest accepted value, null for no bound
 * @param origin PACT (the 2007 table), COMPUTED (declared by the platform) or ADDED (by an admin)
 */
public record Indicator(
        String code,
        int seq,
        String nameIt,
        String nameEn,
        int axis,
        String unit,
        IndicatorDirection direction,
        Periodicity periodicity,
        BigDecimal minValue,
        BigDecimal maxValue,
        Kind kind,
        String source,
        String note,
        String origin,
        Formula formula,
        String territory) {

    public boolean isComputed() {
        return kind == Kind.COMPUTED;
    }

    /** Null when the value lies in the range; otherwise what is wrong with it. */
    public String rangeProblem(BigDecimal value) {
        if (minValue != null && value.compareTo(minValue) < 0) {
            return "must be at least " + minValue.toPlainString() + " for " + code + " (" + unitOrNone() + ")";
        }
        if (maxValue != null && value.compareTo(maxValue) > 0) {
            return "must be at most " + maxValue.toPlainString() + " for " + code + " (" + unitOrNone() + ")";
        }
        return null;
    }

    private String unitOrNone() {
        return unit == null ? "no unit" : unit;
    }
}
