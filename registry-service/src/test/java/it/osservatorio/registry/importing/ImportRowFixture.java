package it.osservatorio.registry.importing;

import it.osservatorio.registry.importing.domain.ImportColumns;
import it.osservatorio.registry.importing.domain.RowInput;
import it.osservatorio.testing.PartitaIvaFixture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A valid import row (a small dairy in Soresina with a fresh Partita IVA) unless a column is changed. */
public final class ImportRowFixture {

    private final Map<String, String> values = new LinkedHashMap<>();
    private int row = 2;

    private ImportRowFixture() {
        values.put("legalName", "Caseificio Soresinese Srl");
        values.put("type", "IMPRESA");
        values.put("sizeClass", "PICCOLA");
        values.put("category", "");
        values.put("partitaIva", PartitaIvaFixture.next());
        values.put("codiceFiscale", "");
        values.put("atecoCode", "10.51");
        values.put("street", "Via dei Mille 13");
        values.put("comune", "Soresina");
        values.put("comuneIstat", "019097");
        values.put("province", "CR");
        values.put("region", "Lombardia");
        values.put("website", "https://www.caseificio.example.it");
        values.put("ecosystems", "Nutrizione;Agroalimentare");
        values.put("externalId", "");
        values.put("synthetic", "false");
    }

    public static ImportRowFixture aRow() {
        return new ImportRowFixture();
    }

    public ImportRowFixture row(int row) {
        this.row = row;
        return this;
    }

    public ImportRowFixture with(String column, String value) {
        values.put(column, value);
        return this;
    }

    public String partitaIva() {
        return values.get("partitaIva");
    }

    public RowInput build() {
        return new RowInput(row, values);
    }

    public static String csvHeader() {
        return String.join(",", ImportColumns.ALL);
    }

    /** The row as a CSV line in the order of {@link ImportColumns#ALL}, every value quoted. */
    public String csvLine() {
        return ImportColumns.ALL.stream()
                .map(column -> "\"" + values.getOrDefault(column, "").replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(","));
    }
}
