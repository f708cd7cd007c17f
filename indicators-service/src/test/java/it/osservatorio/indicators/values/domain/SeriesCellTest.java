package it.osservatorio.indicators.values.domain;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.indicators.IndicatorValueChanged.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCellTest {

    private static final Instant JANUARY = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-15T10:00:00Z");

    @Test
    void shouldKeepEveryRevisionAndAnswerAsKnownAtAnInstantWhenAValueIsCorrected() {
        SeriesCell cell = new SeriesCell(
                "IND-10|2025|PROVINCE:CR", "IND-10", "2025", "PROVINCE:CR", Kind.OBSERVED, 0, List.of(), null);

        cell.add(revision(cell.nextRevision(), "55.1", JANUARY, "s1"));
        cell.add(revision(cell.nextRevision(), "56.3", MARCH, "s2"));

        assertThat(cell.version()).isEqualTo(2);
        assertThat(cell.revisions()).hasSize(2);
        assertThat(cell.current()).get().extracting(Revision::value).isEqualTo(new BigDecimal("56.3"));
        assertThat(cell.asOf(JANUARY.minusSeconds(1))).isEmpty();
        assertThat(cell.asOf(JANUARY)).get().extracting(Revision::revision).isEqualTo(1);
        assertThat(cell.asOf(MARCH.minusSeconds(1)))
                .get()
                .extracting(Revision::value)
                .isEqualTo(new BigDecimal("55.1"));
        assertThat(cell.asOf(MARCH.plusSeconds(1)))
                .get()
                .extracting(Revision::revision)
                .isEqualTo(2);
        assertThat(cell.submission("s1")).isPresent();
        assertThat(cell.submission("s3")).isEmpty();
    }

    @Test
    void shouldLeaveTheOriginalUnchangedWhenACopyIsChanged() {
        SeriesCell cell = new SeriesCell("k", "IND-10", "2025", "PROVINCE:CR", Kind.OBSERVED, 0, List.of(), null);
        SeriesCell copy = cell.copy();

        copy.add(revision(1, "1", JANUARY, "s1"));

        assertThat(cell.revisions()).isEmpty();
        assertThat(cell.version()).isZero();
    }

    @Test
    void shouldTakeValuesOnlyFromTheFirstSubmitterWhenTheCellHasValues() {
        SeriesCell cell = new SeriesCell("k", "IND-10", "2025", "PROVINCE:CR", Kind.OBSERVED, 0, List.of(), null);
        assertThat(cell.owner()).isEmpty();
        assertThat(cell.acceptsValuesFrom("comune-cremona")).isTrue();

        cell.add(revision(1, "55.1", JANUARY, "s1"));
        cell.add(new Revision(2, new BigDecimal("56"), MARCH, "ISTAT", "unita-monitoraggio", false, null, "s2"));

        assertThat(cell.owner()).contains("provincia-cremona");
        assertThat(cell.acceptsValuesFrom("provincia-cremona")).isTrue();
        assertThat(cell.acceptsValuesFrom("comune-cremona")).isFalse();
    }

    private static Revision revision(int number, String value, Instant knownAt, String submissionId) {
        return new Revision(
                number, new BigDecimal(value), knownAt, "ISTAT", "provincia-cremona", false, null, submissionId);
    }
}
