package it.osservatorio.indicators.values.application;

import it.osservatorio.indicators.values.domain.Problem;
import java.util.List;

/**
 * What became of one submitted observation.
 *
 * @param index its position in the submitted batch (0-based)
 * @param revision the cell's current revision after it (null when invalid)
 */
public record SubmissionOutcome(int index, String seriesKey, Result result, Integer revision, List<Problem> problems) {

    public enum Result {
        /** The cell's first value. */
        CREATED,
        /** A new revision of the cell. */
        CORRECTED,
        /** The value equals the current one: nothing written. */
        UNCHANGED,
        /** The same submissionId with the same value was already stored: nothing written. */
        DUPLICATE,
        /** The submissionId was already used for another value: refused. */
        CONFLICT,
        /** The cell's values come from another institution, which alone (or an administrator) may correct them. */
        FORBIDDEN,
        INVALID
    }

    public SubmissionOutcome {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return result != Result.INVALID && result != Result.CONFLICT && result != Result.FORBIDDEN;
    }

    public String reason() {
        return problems.stream()
                .map(p -> p.field() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}
