package it.osservatorio.registry.importing.application;

import java.util.List;

/** The file cannot be imported at all (encoding, syntax, header): a 400 problem saying what to fix. */
public class InvalidImportFileException extends RuntimeException {

    private final List<String> allowedColumns;

    public InvalidImportFileException(String message) {
        this(message, List.of());
    }

    public InvalidImportFileException(String message, List<String> allowedColumns) {
        super(message);
        this.allowedColumns = List.copyOf(allowedColumns);
    }

    public List<String> allowedColumns() {
        return allowedColumns;
    }
}
