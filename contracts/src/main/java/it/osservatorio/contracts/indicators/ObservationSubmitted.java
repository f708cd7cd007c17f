package it.osservatorio.contracts.indicators;

import it.osservatorio.contracts.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An institution submits the value of an observed indicator for one period and territory, by producing this record
 * to {@link it.osservatorio.contracts.Topics#INDICATOR_OBSERVATIONS} (key = {@link SeriesKey}), or through the REST
 * API or the CSV import, which end in the same ingestion. A value that differs from the current one becomes a new
 * revision; the same {@code submissionId} sent again is a duplicate and changes nothing. Records that cannot be
 * accepted go to the consumer's dead-letter topic with the reason.
 *
 * @param submissionId the submitter's unique id of this submission (idempotency key)
 * @param indicatorCode an indicator of the catalogue, e.g. {@code IND-10}
 * @param period {@link SeriesKey#PERIOD}
 * @param territory {@link SeriesKey#TERRITORY}
 * @param value the value in the indicator's unit
 * @param unit optional; when given it must equal the catalogue's unit of the indicator
 * @param source where the figure comes from, e.g. {@code ISTAT, Rilevazione forze di lavoro}
 * @param institutionId the submitting institution
 * @param synthetic true for illustrative values that are not real statistics
 * @param note optional free text, e.g. why a value was corrected
 * @param submittedAt when the institution submitted it
 */
public record ObservationSubmitted(
        String submissionId,
        String indicatorCode,
        String period,
        String territory,
        BigDecimal value,
        String unit,
        String source,
        String institutionId,
        boolean synthetic,
        String note,
        Instant submittedAt)
        implements AggregateEvent {

    /** The series key, which is also the record key. */
    @Override
    public String aggregateId() {
        return SeriesKey.of(indicatorCode, period, territory);
    }

    /** Observations are facts: the envelope's aggregate version is always 1 and not used. */
    @Override
    public long version() {
        return 1;
    }
}
