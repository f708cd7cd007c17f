package it.osservatorio.indicators.demo;

import it.osservatorio.contracts.indicators.IndicatorDirection;
import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.values.domain.Target;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Illustrative values for the pact's observed indicators, for the demo only: the seeds print no value, baseline or
 * target, so every value here is generated, marked {@code synthetic: true}, and its source says so. Deterministic:
 * the same catalogue gives the same values, so loading them again changes nothing.
 */
public final class IndicatorsDemoData {

    public static final String INSTITUTION = "osservatorio-demo";
    public static final String TERRITORY = "PROVINCE:CR";
    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2026;
    public static final String SOURCE = "Valore illustrativo generato per la demo (synthetic): non è una statistica";
    public static final String TARGET_NOTE = "Target illustrativo della demo (synthetic): non deciso dal Comitato"
            + " strategico, che non ha ancora fissato i target del patto";

    private IndicatorsDemoData() {}

    public static List<ObservationSubmitted> observations(List<Indicator> indicators) {
        List<ObservationSubmitted> observations = new ArrayList<>();
        for (Indicator indicator : indicators) {
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                observations.add(new ObservationSubmitted(
                        "demo-" + indicator.code() + "-" + year,
                        indicator.code(),
                        String.valueOf(year),
                        TERRITORY,
                        value(indicator, year),
                        indicator.unit(),
                        SOURCE,
                        INSTITUTION,
                        true,
                        null,
                        Instant.parse(year + 1 + "-03-31T10:00:00Z")));
            }
        }
        return observations;
    }

    /**
     * An illustrative target for the last year: the first year's value improved by 5 to 23 % depending on the
     * indicator, so that the demo shows every status.
     */
    public static Target target(Indicator indicator, Instant decidedAt) {
        BigDecimal baseline = value(indicator, FIRST_YEAR);
        BigDecimal improvement = new BigDecimal("0.05")
                .add(new BigDecimal("0.06").multiply(BigDecimal.valueOf(Math.max(indicator.seq(), 1) % 4)));
        BigDecimal factor = indicator.direction() == IndicatorDirection.LOWER_IS_BETTER
                ? BigDecimal.ONE.subtract(improvement)
                : BigDecimal.ONE.add(improvement);
        BigDecimal target = clamp(indicator, baseline.multiply(factor).setScale(1, RoundingMode.HALF_EVEN));
        return new Target(
                indicator.code(),
                String.valueOf(LAST_YEAR),
                TERRITORY,
                baseline,
                target,
                null,
                null,
                TARGET_NOTE,
                INSTITUTION,
                decidedAt);
    }

    static BigDecimal value(Indicator indicator, int year) {
        int seq = Math.max(indicator.seq(), 1);
        double base;
        String unit = indicator.unit() == null ? "" : indicator.unit();
        if (indicator.code().equals("IND-01") || indicator.code().equals("IND-04") || unit.equals("% annua")) {
            base = 1.5 + seq % 4;
        } else if (unit.startsWith("%")) {
            base = 12 + (seq * 7) % 55;
        } else if (unit.equals("t/anno")) {
            base = 8.4;
        } else if (unit.equals("litri/giorno")) {
            base = 215;
        } else if (unit.equals("indice")) {
            base = 100;
        } else {
            base = 40 + seq * 11;
        }
        int step = year - FIRST_YEAR;
        double trend = indicator.direction() == IndicatorDirection.LOWER_IS_BETTER ? -0.012 : 0.014;
        double wobble = (((seq * 31 + year * 17) % 7) - 3) * 0.004;
        double value = base * (1 + trend * step + wobble);
        return clamp(indicator, BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal clamp(Indicator indicator, BigDecimal value) {
        BigDecimal result = value;
        if (indicator.minValue() != null && result.compareTo(indicator.minValue()) < 0) {
            result = indicator.minValue();
        }
        if (indicator.maxValue() != null && result.compareTo(indicator.maxValue()) > 0) {
            result = indicator.maxValue();
        }
        return result;
    }
}
