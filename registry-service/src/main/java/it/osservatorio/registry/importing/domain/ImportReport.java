package it.osservatorio.registry.importing.domain;

import java.util.List;

/**
 * The outcome of an import (or of a dry run: what it would do).
 *
 * @param problems the first problems, in row order; {@code problemCount} counts them all
 */
public record ImportReport(
        boolean dryRun, long rows, ImportCounts counts, List<RowProblem> problems, long problemCount) {

    public ImportReport {
        problems = List.copyOf(problems);
    }
}
