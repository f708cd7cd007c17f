package it.osservatorio.indicators.computed.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** The value of a computed indicator for a period and territory, known since the latest source event applied. */
public record ComputedValue(String code, String period, String territory, BigDecimal value, Instant knownAt) {}
