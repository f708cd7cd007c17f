package it.osservatorio.contracts.projects;

import it.osservatorio.contracts.AggregateEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A project moved through its lifecycle, on {@link it.osservatorio.contracts.Topics#PROJECT_PROGRESS}; version is the
 * project's version after it; {@code from} is null when the project was just proposed.
 */
public record ProjectStatusChanged(
        String projectId,
        long version,
        String ownerInstitutionId,
        Integer axis,
        ProjectChanged.ProgrammeKind programme,
        ProjectChanged.ProjectStatus from,
        ProjectChanged.ProjectStatus to,
        BigDecimal totalCost,
        Instant changedAt,
        List<Integer> axes)
        implements AggregateEvent {

    /** {@code axes}: every axis of the project, {@code axis} first. */
    public ProjectStatusChanged {
        axes = axes == null ? (axis == null ? List.of() : List.of(axis)) : List.copyOf(axes);
    }

    @Override
    public String aggregateId() {
        return projectId;
    }
}
