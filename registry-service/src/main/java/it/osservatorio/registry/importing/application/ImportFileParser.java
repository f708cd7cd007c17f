package it.osservatorio.registry.importing.application;

import it.osservatorio.registry.importing.domain.RowInput;
import java.util.List;

/** Reads the rows of an import file; the adapter knows the formats. */
public interface ImportFileParser {

    /** @throws InvalidImportFileException when the file as a whole cannot be read (answered as 400) */
    List<RowInput> parse(ImportFormat format, byte[] content);

    enum ImportFormat {
        CSV,
        JSON
    }
}
