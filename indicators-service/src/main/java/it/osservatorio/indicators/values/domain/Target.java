package it.osservatorio.indicators.values.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Baseline and target of an indicator for a period and territory, decided by an admin with a note of why.
 *
 * @param atRiskPercent optional: a value worse than the target by more than this % is at risk (default configured)
 * @param offTrackPercent optional: worse by more than this % is off track (default configured)
 */
public record Target(
        String indicatorCode,
        String period,
        String territory,
        BigDecimal baseline,
        BigDecimal target,
        BigDecimal atRiskPercent,
        BigDecimal offTrackPercent,
        String note,
        String decidedBy,
        Instant decidedAt) {}
