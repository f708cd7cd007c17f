package it.osservatorio.projects.project.application;

import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import it.osservatorio.projects.validation.InvalidDetailsException;
import it.osservatorio.projects.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * Imports projects matched on their CUP: a new CUP creates a project of the caller, a known one updates it when
 * something differs (partners and milestones, which the layout lacks, are kept). A dry run decides every row the same
 * way and writes nothing. A row that breaks a rule is reported and skipped; the others go on.
 *
 * <p>Rows go in batches of {@value #BATCH_SIZE}: each row is checked in memory, the batch's CUPs are looked up with one
 * query, the new projects are validated together ({@link ProjectService#prepareAll}) and stored with one insertMany,
 * each document with its own pending events ({@link ProjectService#publishAll}); changed projects are updated one by
 * one. A new row whose CUP another request took meanwhile is refused by the unique index and reported on its row.
 */
@Service
public class ProjectImporter {

    /** Rows checked, looked up and inserted together. */
    public static final int BATCH_SIZE = 500;

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
        List<RowResult> results = new ArrayList<>(rows.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            results.addAll(
                    importBatch(rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE)), dryRun, caller, seen));
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

    /** @return one result per row of the batch, in its order */
    private List<RowResult> importBatch(
            List<Row> batch, boolean dryRun, CallerIdentity caller, Map<String, Integer> seen) {
        RowResult[] results = new RowResult[batch.size()];
        List<Integer> matchable = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.get(i);
            List<Violation> problems = problemsBeforeMatching(row, seen);
            if (problems.isEmpty()) {
                matchable.add(i);
            } else {
                results[i] = invalid(row, problems);
            }
        }
        Map<String, Project> existing = new HashMap<>();
        store.findByCups(matchable.stream().map(i -> batch.get(i).cup()).toList())
                .forEach(project -> existing.put(project.details().cup(), project));
        List<Integer> newRows = new ArrayList<>();
        List<ProjectService.Proposal> proposals = new ArrayList<>();
        for (int i : matchable) {
            Row row = batch.get(i);
            Project current = existing.get(row.cup());
            if (current == null) {
                newRows.add(i);
                proposals.add(new ProjectService.Proposal(row.details(), row.status()));
            } else {
                results[i] = importKnown(row, current, dryRun, caller);
            }
        }
        List<ProjectService.Prepared> prepared = projects.prepareAll(proposals, caller);
        List<Integer> acceptedRows = new ArrayList<>();
        List<ProjectService.Prepared> accepted = new ArrayList<>();
        for (int k = 0; k < prepared.size(); k++) {
            int i = newRows.get(k);
            if (!prepared.get(k).accepted()) {
                results[i] = invalid(batch.get(i), prepared.get(k).problems());
            } else if (dryRun) {
                results[i] = new RowResult(batch.get(i).number(), batch.get(i).cup(), Outcome.CREATED, null, List.of());
            } else {
                acceptedRows.add(i);
                accepted.add(prepared.get(k));
            }
        }
        if (!accepted.isEmpty()) {
            List<Project> published = projects.publishAll(accepted);
            for (int k = 0; k < published.size(); k++) {
                Row row = batch.get(acceptedRows.get(k));
                Project project = published.get(k);
                results[acceptedRows.get(k)] = project != null
                        ? new RowResult(row.number(), row.cup(), Outcome.CREATED, project.id(), List.of())
                        : invalid(
                                row,
                                List.of(new Violation(
                                        "CUP",
                                        "was published by another request meanwhile; import the file again to"
                                                + " update it")));
            }
        }
        return Arrays.asList(results);
    }

    /** Problems of a row that make matching it pointless: its cells, a missing CUP, a CUP seen earlier in the file. */
    private static List<Violation> problemsBeforeMatching(Row row, Map<String, Integer> seen) {
        if (!row.problems().isEmpty()) {
            return row.problems();
        }
        if (row.cup() == null) {
            return List.of(new Violation("CUP", "is required: imported rows are matched on their CUP"));
        }
        Integer earlier = seen.putIfAbsent(row.cup(), row.number());
        if (earlier != null) {
            return List.of(new Violation("CUP", "appears already in row " + earlier + " of this file"));
        }
        return List.of();
    }

    /** A row whose CUP a stored project holds: updates it when something differs and the caller may. */
    private RowResult importKnown(Row row, Project current, boolean dryRun, CallerIdentity caller) {
        if (!caller.mayWrite(current.ownerInstitutionId())) {
            return new RowResult(
                    row.number(),
                    row.cup(),
                    Outcome.FORBIDDEN,
                    current.id(),
                    List.of(new Violation(
                            "CUP",
                            "belongs to project '" + current.id() + "' of institution '" + current.ownerInstitutionId()
                                    + "'; you may not change it")));
        }
        try {
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
                current.synthetic(),
                row.otherAxes());
    }

    private static RowResult invalid(Row row, List<Violation> errors) {
        return new RowResult(row.number(), row.cup(), Outcome.INVALID, null, errors);
    }

    private static int count(List<RowResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
