package it.osservatorio.contracts.indicators;

import it.osservatorio.contracts.StateEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The whole current state of one indicator series cell (indicator, period, territory) after a new value, a correction,
 * a recomputation or a change of its baseline or target, on the compacted topic
 * {@link it.osservatorio.contracts.Topics#INDICATOR_VALUES} keyed by {@link SeriesKey}. Carries what a dashboard shows:
 * names, axis, unit, direction, actual vs baseline vs target, the deviation ("scostamento") and its status.
 *
 * @param seriesKey {@link SeriesKey#of}; equals the record key and ce_subject
 * @param version increases by one with every change of this series cell
 * @param change what changed
 * @param kind observed (submitted by institutions) or computed (from the other services' events)
 * @param axis strategic axis of the Cremona pact, 1 to 8
 * @param axisName Italian name of the axis
 * @param unit the unit as printed in the pact, or null where the pact prints none
 * @param periodicity how often the indicator is measured: YEAR, QUARTER or MONTH
 * @param value the actual value (current revision)
 * @param revision 1 for the first value, +1 per correction or recomputed value
 * @param knownAt since when this revision is known (as-of queries compare with it)
 * @param source where the value comes from (for computed ones, the topics)
 * @param institutionId who submitted it; {@code indicators-service} for computed values
 * @param synthetic true for illustrative values that are not real statistics (demo data)
 * @param baseline the baseline for the period, null until set
 * @param target the target for the period, null until set
 * @param deviation value − target, null without a target
 * @param deviationPercent (value − target) / |target| × 100, rounded to 2 decimals; null without a target or for a
 *     zero target
 * @param status the deviation read with the direction
 */
public record IndicatorValueChanged(
        String seriesKey,
        long version,
        Change change,
        Kind kind,
        String indicatorCode,
        String nameIt,
        String nameEn,
        int axis,
        String axisName,
        String unit,
        IndicatorDirection direction,
        String periodicity,
        String period,
        String territory,
        BigDecimal value,
        int revision,
        Instant knownAt,
        String source,
        String institutionId,
        boolean synthetic,
        BigDecimal baseline,
        BigDecimal target,
        BigDecimal deviation,
        BigDecimal deviationPercent,
        DeviationStatus status,
        Instant changedAt)
        implements StateEvent {

    @Override
    public String aggregateId() {
        return seriesKey;
    }

    public enum Change {
        /** The first value of the cell. */
        OBSERVED,
        /** A new revision of an observed value. */
        CORRECTED,
        /** A computed indicator changed. */
        COMPUTED,
        /** Baseline, target or thresholds changed; the value did not. */
        TARGET_CHANGED
    }

    public enum Kind {
        OBSERVED,
        COMPUTED
    }
}
