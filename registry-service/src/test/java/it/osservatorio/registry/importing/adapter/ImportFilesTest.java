package it.osservatorio.registry.importing.adapter;

import static it.osservatorio.registry.importing.ImportRowFixture.aRow;
import static it.osservatorio.registry.importing.ImportRowFixture.csvHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.registry.importing.application.ImportFileParser.ImportFormat;
import it.osservatorio.registry.importing.application.InvalidImportFileException;
import it.osservatorio.registry.importing.domain.RowInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFilesTest {

    private final ImportFiles files = new ImportFiles();

    @Test
    void shouldNumberRowsAsSpreadsheetLinesWhenCsvIsValid() {
        String csv = csvHeader() + "\n" + aRow().csvLine() + "\r\n"
                + aRow().with("legalName", "Uno, \"Due\"").csvLine();

        List<RowInput> rows = files.parse(ImportFormat.CSV, utf8(csv));

        assertThat(rows).extracting(RowInput::row).containsExactly(2, 3);
        assertThat(rows.get(1).value("legalName")).isEqualTo("Uno, \"Due\"");
    }

    @Test
    void shouldSkipByteOrderMarkAndAcceptSemicolonsWhenSpreadsheetSavedTheFile() {
        String csv = "\uFEFFlegalName;type;ecosystems\nAcme;IMPRESA;\"Nutrizione;Moda\"\n";

        List<RowInput> rows = files.parse(ImportFormat.CSV, utf8(csv));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.value("legalName")).isEqualTo("Acme");
            assertThat(row.value("ecosystems")).isEqualTo("Nutrizione;Moda");
        });
    }

    @Test
    void shouldListAllowedColumnsWhenHeaderHasUnknownColumn() {
        assertThatThrownBy(() -> files.parse(ImportFormat.CSV, utf8("legalName,colour\nAcme,blue\n")))
                .isInstanceOfSatisfying(InvalidImportFileException.class, e -> {
                    assertThat(e.getMessage()).contains("'colour'").contains("allowed columns are legalName, type");
                    assertThat(e.allowedColumns()).contains("partitaIva", "externalId");
                });
    }

    @Test
    void shouldRejectFileWhenQuoteIsUnbalanced() {
        assertThatThrownBy(() -> files.parse(ImportFormat.CSV, utf8("legalName,type\n\"Acme,IMPRESA\n")))
                .isInstanceOf(InvalidImportFileException.class)
                .hasMessageStartingWith("Malformed CSV");
    }

    @Test
    void shouldRejectFileWhenRecordHasWrongColumnCount() {
        assertThatThrownBy(() -> files.parse(ImportFormat.CSV, utf8("legalName,type\nAcme,IMPRESA,extra\n")))
                .isInstanceOf(InvalidImportFileException.class)
                .hasMessageContaining("has 3 values but the header names 2 columns");
    }

    @Test
    void shouldSayFileMustBeUtf8WhenBytesAreLatin1() {
        byte[] latin1 = "legalName\nSocietà\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> files.parse(ImportFormat.CSV, latin1))
                .isInstanceOf(InvalidImportFileException.class)
                .hasMessageContaining("must be encoded in UTF-8");
    }

    @Test
    void shouldRejectFileWhenEmptyOrOnlyHeader() {
        assertThatThrownBy(() -> files.parse(ImportFormat.CSV, new byte[0])).hasMessageContaining("The file is empty");
        assertThatThrownBy(() -> files.parse(ImportFormat.CSV, utf8(csvHeader() + "\n")))
                .hasMessageContaining("no rows");
    }

    @Test
    void shouldFlattenAddressAndEcosystemsWhenJsonIsTheApiShape() {
        String json = """
                [{"legalName":"Acme","type":"IMPRESA","partitaIva":"12345678903",
                  "address":{"comune":"Cremona","comuneIstat":"019036","province":"CR"},
                  "ecosystems":["Nutrizione","Moda"],"synthetic":true}]""";

        List<RowInput> rows = files.parse(ImportFormat.JSON, utf8(json));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.row()).isEqualTo(1);
            assertThat(row.value("comuneIstat")).isEqualTo("019036");
            assertThat(row.value("ecosystems")).isEqualTo("Nutrizione;Moda");
            assertThat(row.value("synthetic")).isEqualTo("true");
        });
    }

    @Test
    void shouldTreatNullAsMissingAndIgnoreExportOnlyFieldsWhenJsonIsAnExport() {
        String json = """
                [{"id":"org-1","version":3,"ownerInstitutionId":"camera","legalName":"Latteria Soresina",
                  "type":"IMPRESA","codiceFiscale":null,"address":{"comune":"Soresina","street":null},
                  "ecosystems":["Nutrizione",null],"createdAt":"2026-01-01T00:00:00Z"}]""";

        List<RowInput> rows = files.parse(ImportFormat.JSON, json.getBytes(StandardCharsets.UTF_8));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.value("legalName")).isEqualTo("Latteria Soresina");
            assertThat(row.value("codiceFiscale")).isNull();
            assertThat(row.value("street")).isNull();
            assertThat(row.value("ecosystems")).isEqualTo("Nutrizione");
            assertThat(row.value("id")).isNull();
        });
    }

    @Test
    void shouldRejectJsonWhenNotAnArrayOrFieldUnknown() {
        assertThatThrownBy(() -> files.parse(ImportFormat.JSON, utf8("{\"legalName\":\"Acme\"}")))
                .hasMessageContaining("must be an array");
        assertThatThrownBy(() -> files.parse(ImportFormat.JSON, utf8("[{\"legalName\":\"Acme\",\"colour\":1}]")))
                .isInstanceOfSatisfying(
                        InvalidImportFileException.class,
                        e -> assertThat(e.getMessage()).contains("colour").contains("address.comune"));
        assertThatThrownBy(() -> files.parse(ImportFormat.JSON, utf8("[{\"legalName\":")))
                .hasMessageContaining("not valid JSON");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
