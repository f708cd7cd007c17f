package it.osservatorio.indicators.values.domain;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.IndicatorDirection;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DeviationTest {

    private static final Thresholds THRESHOLDS = new Thresholds(new BigDecimal("5"), new BigDecimal("15"));

    @Test
    void shouldBeOnTrackAtRiskOrOffTrackWhenHigherIsBetter() {
        assertThat(of("60", "60", IndicatorDirection.HIGHER_IS_BETTER).status()).isEqualTo(DeviationStatus.ON_TRACK);
        assertThat(of("70", "60", IndicatorDirection.HIGHER_IS_BETTER).status()).isEqualTo(DeviationStatus.ON_TRACK);
        assertThat(of("57", "60", IndicatorDirection.HIGHER_IS_BETTER).status()).isEqualTo(DeviationStatus.ON_TRACK);
        assertThat(of("54", "60", IndicatorDirection.HIGHER_IS_BETTER).status()).isEqualTo(DeviationStatus.AT_RISK);
        assertThat(of("50", "60", IndicatorDirection.HIGHER_IS_BETTER).status()).isEqualTo(DeviationStatus.OFF_TRACK);
    }

    @Test
    void shouldReadTheDeviationTheOtherWayWhenLowerIsBetter() {
        Deviation above = of("9.2", "8", IndicatorDirection.LOWER_IS_BETTER);
        Deviation below = of("7", "8", IndicatorDirection.LOWER_IS_BETTER);

        assertThat(above.absolute()).isEqualByComparingTo("1.2");
        assertThat(above.percent()).isEqualByComparingTo("15.00");
        assertThat(above.status()).isEqualTo(DeviationStatus.AT_RISK);
        assertThat(of("9.3", "8", IndicatorDirection.LOWER_IS_BETTER).status()).isEqualTo(DeviationStatus.OFF_TRACK);
        assertThat(below.percent()).isEqualByComparingTo("-12.50");
        assertThat(below.status()).isEqualTo(DeviationStatus.ON_TRACK);
    }

    @Test
    void shouldGiveAbsoluteAndPercentDeviationAgainstTheTargetWhenOneIsSet() {
        Deviation deviation = of("58.4", "60", IndicatorDirection.HIGHER_IS_BETTER);

        assertThat(deviation.absolute()).isEqualByComparingTo("-1.6");
        assertThat(deviation.percent()).isEqualByComparingTo("-2.67");
    }

    @Test
    void shouldHaveNoTargetStatusWhenNoTargetIsSetAndNoPercentWhenTheTargetIsZero() {
        assertThat(Deviation.of(new BigDecimal("3"), null, IndicatorDirection.HIGHER_IS_BETTER, THRESHOLDS)
                        .status())
                .isEqualTo(DeviationStatus.NO_TARGET);
        Deviation zero = of("2", "0", IndicatorDirection.LOWER_IS_BETTER);
        assertThat(zero.percent()).isNull();
        assertThat(zero.status()).isEqualTo(DeviationStatus.OFF_TRACK);
        assertThat(of("0", "0", IndicatorDirection.LOWER_IS_BETTER).status()).isEqualTo(DeviationStatus.ON_TRACK);
    }

    @Test
    void shouldUseTheTargetsOwnThresholdsWhenItHasThem() {
        Thresholds strict = THRESHOLDS.overriddenBy(new Target(
                "IND-10",
                "2025",
                "PROVINCE:CR",
                null,
                new BigDecimal("60"),
                BigDecimal.ONE,
                new BigDecimal("2"),
                "note",
                "admin",
                java.time.Instant.EPOCH));

        assertThat(Deviation.of(
                                new BigDecimal("58.4"),
                                new BigDecimal("60"),
                                IndicatorDirection.HIGHER_IS_BETTER,
                                strict)
                        .status())
                .isEqualTo(DeviationStatus.OFF_TRACK);
    }

    private static Deviation of(String actual, String target, IndicatorDirection direction) {
        return Deviation.of(new BigDecimal(actual), new BigDecimal(target), direction, THRESHOLDS);
    }
}
