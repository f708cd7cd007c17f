package it.osservatorio.indicators.values.domain;

import java.math.BigDecimal;

/**
 * A value worse than its target by at most {@code atRiskPercent} % is on track, by at most {@code offTrackPercent} %
 * at risk, by more off track ("worse" read with the indicator's direction).
 */
public record Thresholds(BigDecimal atRiskPercent, BigDecimal offTrackPercent) {

    public Thresholds {
        if (atRiskPercent.signum() < 0 || offTrackPercent.compareTo(atRiskPercent) < 0) {
            throw new IllegalArgumentException("Thresholds need 0 <= atRisk <= offTrack");
        }
    }

    public Thresholds overriddenBy(Target target) {
        if (target == null) {
            return this;
        }
        return new Thresholds(
                target.atRiskPercent() == null ? atRiskPercent : target.atRiskPercent(),
                target.offTrackPercent() == null ? offTrackPercent : target.offTrackPercent());
    }
}
