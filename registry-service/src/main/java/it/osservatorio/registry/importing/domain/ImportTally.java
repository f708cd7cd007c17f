package it.osservatorio.registry.importing.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The running counts and per-row problems of one import. Every row ends up either valid (created, updated or
 * unchanged; in a dry run: would be) or invalid. At most {@code maxProblems} problems are kept; all are counted.
 */
public final class ImportTally {

    private final int maxProblems;
    private final List<RowProblem> problems = new ArrayList<>();
    private long problemCount;
    private long invalid;
    private long created;
    private long updated;
    private long unchanged;

    public ImportTally(int maxProblems) {
        this.maxProblems = maxProblems;
    }

    public static ImportTally restore(
            int maxProblems, ImportCounts counts, List<RowProblem> problems, long problemCount) {
        ImportTally tally = new ImportTally(maxProblems);
        tally.invalid = counts.invalid();
        tally.created = counts.created();
        tally.updated = counts.updated();
        tally.unchanged = counts.unchanged();
        tally.problems.addAll(problems);
        tally.problemCount = problemCount;
        return tally;
    }

    public void invalid(List<RowProblem> rowProblems) {
        invalid++;
        for (RowProblem problem : rowProblems) {
            problemCount++;
            if (problems.size() < maxProblems) {
                problems.add(problem);
            }
        }
    }

    public void created() {
        created++;
    }

    public void updated() {
        updated++;
    }

    public void unchanged() {
        unchanged++;
    }

    public long rowsDone() {
        return invalid + created + updated + unchanged;
    }

    public ImportCounts counts() {
        return new ImportCounts(created + updated + unchanged, invalid, created, updated, unchanged);
    }

    public List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    public long problemCount() {
        return problemCount;
    }
}
