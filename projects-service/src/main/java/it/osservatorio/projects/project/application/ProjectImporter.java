package it.osservatorio.projects.project.application;

import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * Imports projects row by row, matched on their CUP: a new CUP creates a project of the caller, a known one updates it
 * when something differs (partners and milestones, which the layout lacks, are kept). A dry run decides every row
 * the same way and writes nothing. A row that breaks a rule is reported and skipped; the others go on.
 */
@Service
public class ProjectImporter {

    private final ProjectService projects;
    private final ProjectStore store;

    public ProjectImporter(ProjectService projects, ProjectStore store) {
        this.projects = projects;
        this.store = store;
    }

    /**
     * One parsed row: its number in the file (the header is row 1), its CUP, its details and status, and the
     * problems found while reading its cells.
     */
    public record Row(int number, String cup, ProjectDetails details, ProjectStatus status, List<Violation> problems) {}

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        INVALID,
        FORBIDDEN
    }

    public record RowResult(int row, String cup, Outcome outcome, String projectId, List<Violation> errors) {}

    public record Report(
            boolean dryRun, int rows, int created, int updated, int unchanged, int rejected, List<RowResult> results) {}

    public Report importRows(List<Row> rows, boolean dryRun, CallerIdentity caller) {
        List<RowResult> results = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : rows) {
            results.add(importRow(row, dryRun, caller, seen));
        }
        return new Report(
                dryRun,
                rows.size(),
                count(results, Outcome.CREATED),
                count(results, Outcome.UPDATED),
                count(results, Outcome.UNCHANGED),
                count(results, Outcome.INVALID) + count(results, Outcome.FORBIDDEN),
                results);
    }

    private RowResult importRow(Row row, boolean dryRun, CallerIdentity caller, Map<String, Integer> seen) {
        if (!row.problems().isEmpty()) {
            return invalid(row, row.problems());
        }
        if (row.cup() == null) {
            return invalid(row, List.of(new Violation("CUP", "is required: imported rows are matched on their CUP")));
        }
        Integer earlier = seen.putIfAbsent(row.cup(), row.number());
        if (earlier != null) {
            return invalid(row, List.of(new Violation("CUP", "appears already in row " + earlier + " of this file")));
        }
        Optional<Project> existing = store.findByCup(row.cup());
        try {
            if (existing.isEmpty()) {
                ProjectStatus status = row.status() == null ? ProjectStatus.PROPOSED : row.status();
                row.details().validate(projects.today(), status);
                String id = dryRun
                        ? null
                        : projects.propose(row.details(), status, caller).id();
                return new RowResult(row.number(), row.cup(), Outcome.CREATED, id, List.of());
            }
            Project current = existing.get();
            if (!caller.mayWrite(current.ownerInstitutionId())) {
                return new RowResult(
                        row.number(),
                        row.cup(),
                        Outcome.FORBIDDEN,
                        current.id(),
                        List.of(new Violation(
                                "CUP",
                                "belongs to project '" + current.id() + "' of institution '"
                                        + current.ownerInstitutionId() + "'; you may not change it")));
            }
            ProjectDetails merged = keepPartnersAndMilestones(row.details(), current.details())
                    .validate(projects.today(), current.status());
            if (merged.equals(current.details())) {
                return new RowResult(row.number(), row.cup(), Outcome.UNCHANGED, current.id(), List.of());
            }
            current.update(merged, current.updatedAt()); // checks what the stored project allows (spending)
            if (!dryRun) {
                projects.update(current.id(), merged, OptionalLong.of(current.version()), caller);
            }
            return new RowResult(row.number(), row.cup(), Outcome.UPDATED, current.id(), List.of());
        } catch (InvalidDetailsException e) {
            return invalid(row, e.violations());
        } catch (RuntimeException e) {
            return invalid(row, List.of(new Violation("row", e.getMessage())));
        }
    }

    private static ProjectDetails keepPartnersAndMilestones(ProjectDetails row, ProjectDetails current) {
        return new ProjectDetails(
                row.cup(),
                row.title(),
                row.acronym(),
                row.description(),
                row.programme(),
                row.callId(),
                row.axis(),
                row.emblematicAction(),
                row.s3Ecosystem(),
                row.comuniIstat(),
                row.startDate(),
                row.endDate(),
                row.totalCost(),
                row.funding(),
                current.partners(),
                current.milestones(),
                current.synthetic());
    }

    private static RowResult invalid(Row row, List<Violation> errors) {
        return new RowResult(row.number(), row.cup(), Outcome.INVALID, null, errors);
    }

    private static int count(List<RowResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
