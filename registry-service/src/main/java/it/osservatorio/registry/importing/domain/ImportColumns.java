package it.osservatorio.registry.importing.domain;

import java.util.List;

/** The columns of an import file (CSV header, or the fields of each JSON object with the address flattened). */
public final class ImportColumns {

    public static final List<String> ALL = List.of(
            "legalName",
            "type",
            "sizeClass",
            "category",
            "partitaIva",
            "codiceFiscale",
            "atecoCode",
            "street",
            "comune",
            "comuneIstat",
            "province",
            "region",
            "website",
            "ecosystems",
            "externalId",
            "synthetic");

    /**
     * Columns (and JSON fields) that the export writes but an import cannot set: accepted and ignored, so that an
     * exported file, edited or not, imports back. The match happens on external id or Partita IVA, never on id.
     */
    public static final List<String> EXPORT_ONLY =
            List.of("id", "version", "ownerInstitutionId", "createdAt", "updatedAt");

    /** Separates the ecosystems within their one column. */
    public static final String ECOSYSTEM_SEPARATOR = ";";

    private ImportColumns() {}
}
