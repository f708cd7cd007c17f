package it.osservatorio.indicators.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.indicators.RunningIndicatorsService;
import it.osservatorio.indicators.values.application.ValueLedger;
import it.osservatorio.indicators.values.domain.Revision;
import it.osservatorio.indicators.values.domain.SeriesCell;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoDataIT extends RunningIndicatorsService {

    @Autowired
    private ValueLedger ledger;

    @Test
    void shouldLoadSyntheticValuesAndIllustrativeTargetsOnceWhenLoadedTwice() {
        DemoDataLoader loader = new DemoDataLoader(ledger);

        loader.onReady();
        Map<String, Long> versions =
                demoCells().stream().collect(Collectors.toMap(SeriesCell::key, SeriesCell::version));
        loader.onReady();

        List<SeriesCell> cells = demoCells();
        assertThat(cells).hasSize(24 * 7);
        assertThat(cells).allSatisfy(cell -> {
            assertThat(cell.revisions()).hasSize(1);
            assertThat(cell.current()).get().extracting(Revision::synthetic).isEqualTo(true);
            assertThat(cell.version()).isEqualTo(versions.get(cell.key()));
        });
        assertThat(ledger.target("IND-10", String.valueOf(IndicatorsDemoData.LAST_YEAR), IndicatorsDemoData.TERRITORY))
                .isNotNull()
                .satisfies(t -> assertThat(t.note()).contains("illustrativo"));
        assertThat(ledger.targetHistory(
                        "IND-10", String.valueOf(IndicatorsDemoData.LAST_YEAR), IndicatorsDemoData.TERRITORY))
                .hasSize(1);
    }

    private List<SeriesCell> demoCells() {
        return ledger.allCells().stream()
                .filter(cell -> cell.territory().equals(IndicatorsDemoData.TERRITORY))
                .filter(cell -> cell.indicatorCode().startsWith("IND-"))
                .filter(cell -> cell.current()
                        .map(r -> IndicatorsDemoData.INSTITUTION.equals(r.institutionId()))
                        .orElse(false))
                .toList();
    }
}
