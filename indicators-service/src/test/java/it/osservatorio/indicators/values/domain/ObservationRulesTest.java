package it.osservatorio.indicators.values.domain;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.indicators.catalogue.adapter.PactCatalogueResource;
import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.catalogue.domain.DeclaredComputedIndicators;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationRulesTest {

    private static final Catalogue CATALOGUE = catalogue();

    @Test
    void shouldAcceptAValidObservationWhenEverythingMatchesTheCatalogue() {
        assertThat(ObservationRules.check(ObservationFixture.valid().build(), CATALOGUE))
                .isEmpty();
    }

    @Test
    void shouldNameEveryProblemWhenTheObservationIsBad() {
        assertThat(problems(ObservationFixture.valid().code("IND-99").build()))
                .anySatisfy(p -> assertThat(p).startsWith("indicatorCode: unknown indicator 'IND-99'"));
        assertThat(problems(ObservationFixture.valid().code("PRJ-COUNT-A1").build()))
                .anySatisfy(p -> assertThat(p).contains("computed"));
        assertThat(problems(ObservationFixture.valid().unit("t/anno").build()))
                .anySatisfy(p -> assertThat(p).startsWith("unit: 't/anno' is wrong"));
        assertThat(problems(ObservationFixture.valid().period("2025-13").build()))
                .anySatisfy(p -> assertThat(p).startsWith("period:"));
        assertThat(problems(ObservationFixture.valid().period("2025-Q1").build()))
                .anySatisfy(p -> assertThat(p).contains("measured per year"));
        assertThat(problems(ObservationFixture.valid().territory("Cremona").build()))
                .anySatisfy(p -> assertThat(p).startsWith("territory:"));
        assertThat(problems(ObservationFixture.valid().value("140").build()))
                .anySatisfy(p -> assertThat(p).startsWith("value: must be at most 100"));
        assertThat(problems(ObservationFixture.valid().submissionId(" ").build()))
                .anySatisfy(p -> assertThat(p).startsWith("submissionId:"));
    }

    private static List<String> problems(ObservationSubmitted observation) {
        return ObservationRules.check(observation, CATALOGUE).stream()
                .map(p -> p.field() + ": " + p.message())
                .toList();
    }

    private static Catalogue catalogue() {
        PactCatalogueResource pact = new PactCatalogueResource();
        List<Indicator> all = new ArrayList<>(pact.indicators());
        all.addAll(DeclaredComputedIndicators.all());
        return new Catalogue(pact.axes(), all);
    }

    /** Valid observations of the female employment rate, changed one field at a time. */
    static final class ObservationFixture {
        private String submissionId = "sub-1";
        private String code = "IND-10";
        private String period = "2025";
        private String territory = "PROVINCE:CR";
        private String value = "58.4";
        private String unit = "%";

        static ObservationFixture valid() {
            return new ObservationFixture();
        }

        ObservationFixture submissionId(String submissionId) {
            this.submissionId = submissionId;
            return this;
        }

        ObservationFixture code(String code) {
            this.code = code;
            return this;
        }

        ObservationFixture period(String period) {
            this.period = period;
            return this;
        }

        ObservationFixture territory(String territory) {
            this.territory = territory;
            return this;
        }

        ObservationFixture value(String value) {
            this.value = value;
            return this;
        }

        ObservationFixture unit(String unit) {
            this.unit = unit;
            return this;
        }

        ObservationSubmitted build() {
            return new ObservationSubmitted(
                    submissionId,
                    code,
                    period,
                    territory,
                    new BigDecimal(value),
                    unit,
                    "ISTAT",
                    "provincia-cremona",
                    false,
                    null,
                    Instant.EPOCH);
        }
    }
}
