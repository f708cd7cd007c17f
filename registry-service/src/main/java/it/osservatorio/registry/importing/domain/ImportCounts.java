package it.osservatorio.registry.importing.domain;

/**
 * @param valid rows that were (or in a dry run would be) created, updated or left unchanged
 * @param invalid rows that were not written, each with at least one problem in the report
 */
public record ImportCounts(long valid, long invalid, long created, long updated, long unchanged) {

    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);
}
