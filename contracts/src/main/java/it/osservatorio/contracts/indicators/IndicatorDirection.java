package it.osservatorio.contracts.indicators;

/** How an indicator's value is read against its target. */
public enum IndicatorDirection {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
