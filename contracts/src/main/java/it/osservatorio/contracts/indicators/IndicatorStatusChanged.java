package it.osservatorio.contracts.indicators;

import it.osservatorio.contracts.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The deviation status of one series cell moved (e.g. on track → at risk), on
 * {@link it.osservatorio.contracts.Topics#INDICATOR_STATUS_CHANGES} keyed by {@link SeriesKey}; version is the
 * version of the {@link IndicatorValueChanged} that caused it. Not published for the first value when it has no
 * target.
 *
 * @param previousStatus null for the first value of the cell
 */
public record IndicatorStatusChanged(
        String seriesKey,
        long version,
        String indicatorCode,
        String nameIt,
        String nameEn,
        int axis,
        String period,
        String territory,
        DeviationStatus previousStatus,
        DeviationStatus status,
        BigDecimal value,
        BigDecimal target,
        BigDecimal deviation,
        BigDecimal deviationPercent,
        boolean synthetic,
        Instant changedAt)
        implements AggregateEvent {

    @Override
    public String aggregateId() {
        return seriesKey;
    }
}
