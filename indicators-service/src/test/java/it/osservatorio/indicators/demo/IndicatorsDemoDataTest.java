package it.osservatorio.indicators.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.indicators.catalogue.adapter.PactCatalogueResource;
import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.values.domain.ObservationRules;
import it.osservatorio.indicators.values.domain.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorsDemoDataTest {

    private final PactCatalogueResource pact = new PactCatalogueResource();
    private final Catalogue catalogue = new Catalogue(pact.axes(), pact.indicators());

    @Test
    void shouldGiveValidSyntheticValuesForEveryPactIndicatorAndYearWhenGenerated() {
        List<ObservationSubmitted> observations = IndicatorsDemoData.observations(pact.indicators());

        assertThat(observations).hasSize(24 * 7);
        assertThat(observations).allSatisfy(o -> {
            assertThat(o.synthetic()).isTrue();
            assertThat(o.source()).contains("synthetic");
            assertThat(ObservationRules.check(o, catalogue)).as(o.aggregateId()).isEmpty();
        });
        assertThat(observations).extracting(ObservationSubmitted::submissionId).doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveTheSameValuesWhenGeneratedAgain() {
        assertThat(IndicatorsDemoData.observations(pact.indicators()))
                .isEqualTo(IndicatorsDemoData.observations(pact.indicators()));
    }

    @Test
    void shouldImproveOnTheBaselineInTheIndicatorsDirectionWhenATargetIsIllustrated() {
        for (Indicator indicator : pact.indicators()) {
            Target target = IndicatorsDemoData.target(indicator, Instant.EPOCH);
            assertThat(indicator.rangeProblem(target.target()))
                    .as(indicator.code())
                    .isNull();
            assertThat(target.note()).contains("illustrativo");
            int expected = indicator.direction().name().startsWith("LOWER") ? -1 : 1;
            assertThat(Integer.signum(target.target().compareTo(target.baseline())))
                    .as(indicator.code())
                    .isIn(expected, 0);
        }
    }
}
