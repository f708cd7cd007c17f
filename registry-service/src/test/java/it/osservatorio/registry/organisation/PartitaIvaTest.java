package it.osservatorio.registry.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.registry.organisation.domain.PartitaIva;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartitaIvaTest {

    @ParameterizedTest
    @ValueSource(strings = {"00488410010", "01114601006", "00905811006", "12345678903"})
    void shouldAcceptPartitaIvaWhenCheckDigitIsRight(String partitaIva) {
        assertThat(PartitaIva.problem(partitaIva)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00488410011", "12345678901", "01114601007"})
    void shouldRejectPartitaIvaWhenCheckDigitIsWrong(String partitaIva) {
        assertThat(PartitaIva.problem(partitaIva)).get().asString().contains("wrong check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "IT00488410010", "0048841001A", "00000000000"})
    void shouldRejectPartitaIvaWhenFormatIsWrong(String partitaIva) {
        assertThat(PartitaIva.problem(partitaIva)).isPresent();
    }
}
