package it.osservatorio.indicators.values.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One known value of a series cell: a new revision per correction; the history is kept. */
public record Revision(
        int revision,
        BigDecimal value,
        Instant knownAt,
        String source,
        String institutionId,
        boolean synthetic,
        String note,
        String submissionId) {}
