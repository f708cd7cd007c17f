package it.osservatorio.indicators.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.indicators.IndicatorDirection;
import it.osservatorio.indicators.catalogue.adapter.PactCatalogueResource;
import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.catalogue.domain.DeclaredComputedIndicators;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private final PactCatalogueResource pact = new PactCatalogueResource();

    @Test
    void shouldHoldTheTwentyFourIndicatorsOfThePactThreePerAxisWhenLoaded() {
        List<Indicator> indicators = pact.indicators();

        assertThat(indicators).hasSize(24);
        assertThat(indicators).extracting(Indicator::code).doesNotHaveDuplicates();
        Map<Integer, Long> perAxis =
                indicators.stream().collect(Collectors.groupingBy(Indicator::axis, Collectors.counting()));
        assertThat(perAxis).hasSize(8).allSatisfy((axis, count) -> assertThat(count)
                .isEqualTo(3));
        assertThat(pact.axes()).hasSize(8);
        assertThat(indicators).allSatisfy(i -> assertThat(i.origin()).isEqualTo("PACT"));
    }

    @Test
    void shouldKeepTheNamesAndUnitsExactlyAsPrintedWhenLoaded() {
        Map<String, Indicator> byCode = pact.indicators().stream().collect(Collectors.toMap(Indicator::code, i -> i));

        assertThat(byCode.get("IND-01").nameIt()).isEqualTo("Aumento delle produzioni biologiche (%)");
        assertThat(byCode.get("IND-06").nameIt())
                .isEqualTo("Numero di marchi (n. domande deposite per marchi in Italia)");
        assertThat(byCode.get("IND-12").nameIt())
                .isEqualTo("Inserimenti lavorati disabili (% su totale disabili iscritti)");
        assertThat(byCode.get("IND-16").nameIt()).isEqualTo("Tassi di occupazione");
        assertThat(byCode.get("IND-17").nameIt())
                .isEqualTo("Indice di networking (% imprese coinvolte in gruppi formali e informali)");
        assertThat(byCode.get("IND-24").nameIt()).isEqualTo("Bilanci sociali realizzati in provincia di Cremona");
        assertThat(byCode.get("IND-08").unit()).isEqualTo("t/anno");
        assertThat(byCode.get("IND-02").unit()).isNull();
        assertThat(byCode.get("IND-08").direction()).isEqualTo(IndicatorDirection.LOWER_IS_BETTER);
        assertThat(byCode.get("IND-10").direction()).isEqualTo(IndicatorDirection.HIGHER_IS_BETTER);
    }

    @Test
    void shouldRefuseValuesOutsideTheRangeWhenTheUnitIsAShare() {
        Indicator share = pact.indicators().stream()
                .filter(i -> i.code().equals("IND-10"))
                .findFirst()
                .orElseThrow();

        assertThat(share.rangeProblem(new BigDecimal("58.4"))).isNull();
        assertThat(share.rangeProblem(new BigDecimal("101"))).contains("at most 100");
        assertThat(share.rangeProblem(new BigDecimal("-1"))).contains("at least 0");
    }

    @Test
    void shouldDeclareComputedIndicatorsPerAxisAndFindThemBesideThePactOnesWhenCatalogued() {
        List<Indicator> all = new ArrayList<>(pact.indicators());
        all.addAll(DeclaredComputedIndicators.all());

        Catalogue catalogue = new Catalogue(pact.axes(), all);

        assertThat(catalogue.find("PRJ-COUNT-A5")).get().satisfies(i -> {
            assertThat(i.isComputed()).isTrue();
            assertThat(i.formula()).isNotNull();
            assertThat(i.axis()).isEqualTo(5);
        });
        assertThat(catalogue.find("NETWORKING-CR")).isPresent();
        assertThat(catalogue.ofAxis(6)).extracting(Indicator::code).startsWith("IND-16", "IND-17", "IND-18");
        assertThat(catalogue.axisName(4)).isEqualTo("Welfare e integrazione sociale");
    }
}
