package it.osservatorio.contracts.projects;

import it.osservatorio.contracts.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A milestone of a project got its actual date, on {@link it.osservatorio.contracts.Topics#PROJECT_PROGRESS};
 * version is the project's version after it; late when reached after the planned date.
 */
public record MilestoneReached(
        String projectId,
        long version,
        String ownerInstitutionId,
        Integer axis,
        ProjectChanged.ProgrammeKind programme,
        String milestoneId,
        String title,
        LocalDate plannedDate,
        LocalDate actualDate,
        boolean late,
        BigDecimal physicalProgress,
        Instant reachedAt,
        List<Integer> axes,
        boolean synthetic)
        implements AggregateEvent {

    /** {@code axes}: every axis of the project ({@code axis} first); {@code synthetic}: generated for the demo. */
    public MilestoneReached {
        axes = axes == null ? (axis == null ? List.of() : List.of(axis)) : List.copyOf(axes);
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
