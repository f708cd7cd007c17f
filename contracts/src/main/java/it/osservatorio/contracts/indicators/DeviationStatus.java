package it.osservatorio.contracts.indicators;

/**
 * Where a value stands against its target, read with the indicator's direction: on track, at risk, off track by the
 * configured thresholds; {@code NO_TARGET} while no target is set for the period.
 */
public enum DeviationStatus {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    NO_TARGET
}
