package it.osservatorio.indicators.values.domain;

import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.IndicatorDirection;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The deviation ("scostamento") of an actual value from its target: actual − target, absolute and as % of |target|,
 * and the status read with the indicator's direction. For a zero target the % is undefined: a value on the good side
 * (or equal) is on track, any other off track.
 */
public record Deviation(BigDecimal absolute, BigDecimal percent, DeviationStatus status) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Deviation of(
            BigDecimal actual, BigDecimal target, IndicatorDirection direction, Thresholds thresholds) {
        if (actual == null || target == null) {
            return new Deviation(null, null, DeviationStatus.NO_TARGET);
        }
        BigDecimal absolute = actual.subtract(target);
        int sign = direction == IndicatorDirection.LOWER_IS_BETTER ? -1 : 1;
        if (target.signum() == 0) {
            boolean good = absolute.signum() * sign >= 0;
            return new Deviation(absolute, null, good ? DeviationStatus.ON_TRACK : DeviationStatus.OFF_TRACK);
        }
        BigDecimal percent = absolute.multiply(HUNDRED).divide(target.abs(), 2, RoundingMode.HALF_EVEN);
        BigDecimal shortfall = percent.multiply(BigDecimal.valueOf(-sign)); // > 0 when worse than the target
        DeviationStatus status;
        if (shortfall.compareTo(thresholds.atRiskPercent()) <= 0) {
            status = DeviationStatus.ON_TRACK;
        } else if (shortfall.compareTo(thresholds.offTrackPercent()) <= 0) {
            status = DeviationStatus.AT_RISK;
        } else {
            status = DeviationStatus.OFF_TRACK;
        }
        return new Deviation(absolute, percent, status);
    }
}
