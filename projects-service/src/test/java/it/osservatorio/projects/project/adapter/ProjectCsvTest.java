package it.osservatorio.projects.project.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.projects.project.application.ProjectImporter;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.Violation;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectCsvTest {

    private static final String HEADER = String.join(";", ProjectCsv.COLUMNS.subList(1, ProjectCsv.COLUMNS.size() - 2));

    @Test
    void shouldReadRowWhenFileStartsWithByteOrderMarkAndUsesOpenCoesioneColumns() {
        String csv = "\uFEFF" + HEADER + "\r\n"
                + "E11B22000040007;Titolo;;;FSE+;;;;;;;3;;;019036|019097;2025-01-01;;ONGOING;10.50;10.50;;;;\r\n";

        List<ProjectImporter.Row> rows = ProjectCsv.read(new StringReader(csv));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.problems()).isEmpty();
            assertThat(row.number()).isEqualTo(2);
            assertThat(row.cup()).isEqualTo("E11B22000040007");
            assertThat(row.status()).isEqualTo(ProjectStatus.ONGOING);
            assertThat(row.details().programme().kind()).isEqualTo(ProgrammeKind.FSE_PLUS);
            assertThat(row.details().comuniIstat()).containsExactly("019036", "019097");
            assertThat(row.details().totalCost()).isEqualByComparingTo("10.50");
            assertThat(row.details().funding().eu()).isEqualByComparingTo("10.50");
        });
    }

    @Test
    void shouldNameTheCellsCountWhenARowIsShorterThanTheHeader() {
        String csv = HEADER + "\r\nE11B22000040007;Titolo;;;FESR\r\n";

        ProjectImporter.Row row = ProjectCsv.read(new StringReader(csv)).getFirst();

        assertThat(row.problems())
                .extracting(Violation::message)
                .singleElement()
                .satisfies(message -> assertThat(message).contains("has 5 cells", "names 24 columns"));
    }

    @Test
    void shouldReadEveryAxisWhenTheAxisCellListsSeveralAndNameItWhenOneIsNotANumber() {
        String csv = HEADER + "\r\n"
                + ";Innovazione PMI;;;CREMONA_PACT;;;;;;;2|6;;;;;;;;;;;;\r\n"
                + ";Voucher;;;CREMONA_PACT;;;;;;;2|sei;;;;;;;;;;;;\r\n";

        List<ProjectImporter.Row> rows = ProjectCsv.read(new StringReader(csv));

        assertThat(rows.getFirst().problems()).isEmpty();
        assertThat(rows.getFirst().details().axis()).isEqualTo(2);
        assertThat(rows.getFirst().details().otherAxes()).containsExactly(6);
        assertThat(rows.get(1).problems())
                .extracting(Violation::field, Violation::message)
                .singleElement()
                .satisfies(problem -> assertThat(problem.toList())
                        .containsExactly(
                                "ASSE_PATTO",
                                "must be a strategic axis 1 to 8, or several separated by | (e.g. 2|6), got '2|sei'"));
    }

    @Test
    void shouldRefuseFileWhenHeaderIsNotTheLayout() {
        assertThatThrownBy(() -> ProjectCsv.read(new StringReader("CUP,TITOLO\r\n")))
                .isInstanceOf(ProjectCsv.InvalidCsvException.class)
                .hasMessageContaining("missing: ");
    }
}
