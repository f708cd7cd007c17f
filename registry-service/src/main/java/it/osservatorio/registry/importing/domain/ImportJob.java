package it.osservatorio.registry.importing.domain;

import java.time.Instant;
import java.util.List;

/** An import that runs in the background; its input is kept until it has finished. */
public record ImportJob(
        String id,
        String institutionId,
        Status status,
        String format,
        long rowsTotal,
        long rowsDone,
        ImportCounts counts,
        List<RowProblem> problems,
        long problemCount,
        String message,
        Instant createdAt,
        Instant updatedAt) {

    public enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED
    }

    public ImportJob {
        problems = List.copyOf(problems);
    }

    public boolean isFinished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }
}
