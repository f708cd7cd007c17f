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

    /** Separates the ecosystems within their one column. */
    public static final String ECOSYSTEM_SEPARATOR = ";";

    private ImportColumns() {}
}
