package it.osservatorio.registry.importing.domain;

import java.util.Map;

/**
 * One row of an import file as text, keyed by {@link ImportColumns}; a missing or blank value means none.
 *
 * @param row the row's number in the file as the report names it (CSV: the line of the record in a spreadsheet,
 *     the header being line 1; JSON: the position in the array, from 1)
 */
public record RowInput(int row, Map<String, String> values) {

    public RowInput {
        values = Map.copyOf(values);
    }

    public String value(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
