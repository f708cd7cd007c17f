package it.osservatorio.projects.project.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.PageLimits;
import it.osservatorio.platform.web.ResourceNotFoundException;
import it.osservatorio.platform.web.VersionTags;
import it.osservatorio.projects.project.application.ProjectFilter;
import it.osservatorio.projects.project.application.ProjectService;
import it.osservatorio.projects.project.application.ProjectTotals;
import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.Project;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/projects")
@Tag(name = "Projects", description = "Funded projects, each owned by the institution that published it")
class ProjectController {

    private static final String FILTER_DOC = "programme (e.g. FESR,PNRR), axis (1-8, comma-separated), status,"
            + " call (call id), partner (organisation id), comune (ISTAT code), owner (institution id), ecosystem,"
            + " cup, minTotalCost / maxTotalCost (EUR), startFrom / startTo, endFrom / endTo (ISO dates, inclusive)";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final ProjectService service;

    ProjectController(ProjectService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Publish a project owned by the calling institution; partners must be registry organisations")
    ResponseEntity<ProjectResponse> propose(@RequestBody ProjectRequest request) {
        Project project = service.propose(request.toDetails(), request.status(), CallerIdentity.require());
        return ResponseEntity.created(URI.create("/projects/" + project.id()))
                .eTag(VersionTags.etag(project.version()))
                .body(response(project));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a project (public)")
    ResponseEntity<ProjectResponse> get(@PathVariable String id) {
        Project project = service.get(id);
        return ResponseEntity.ok().eTag(VersionTags.etag(project.version())).body(response(project));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replace a project's details (owner or admin); If-Match guards against lost updates",
            description = "The status changes through POST /projects/{id}/status; expenditure through POST"
                    + " /projects/{id}/expenditures. A milestone given an actual date here is reported as reached.")
    ResponseEntity<ProjectResponse> update(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProjectRequest request) {
        if (request.status() != null) {
            throw new InvalidFieldException(
                    "status", "changes through POST /projects/" + id + "/status; leave it out here");
        }
        Project project = service.update(
                id, request.toDetails(), VersionTags.ifMatch(ifMatch, "project"), CallerIdentity.require());
        return ResponseEntity.ok().eTag(VersionTags.etag(project.version())).body(response(project));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move a project through its lifecycle; 409 lists the statuses allowed from the current one")
    ResponseEntity<ProjectResponse> changeStatus(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProjectRequest.StatusRequest request) {
        if (request == null || request.status() == null) {
            throw new InvalidFieldException(
                    "status", "is required: one of APPROVED, ONGOING, COMPLETED, REVOKED, WITHDRAWN");
        }
        Project project = service.changeStatus(
                id, request.status(), VersionTags.ifMatch(ifMatch, "project"), CallerIdentity.require());
        return ResponseEntity.ok().eTag(VersionTags.etag(project.version())).body(response(project));
    }

    @PostMapping("/{id}/expenditures")
    @Operation(summary = "Record an amount spent (EUR) on a date, by category")
    ResponseEntity<ProjectResponse> recordExpenditure(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProjectRequest.ExpenditureRequest request) {
        Project project = service.recordExpenditure(
                id,
                Expenditure.spent(
                        null,
                        request.date(),
                        request.amount(),
                        request.category(),
                        request.note(),
                        Boolean.TRUE.equals(request.synthetic())),
                VersionTags.ifMatch(ifMatch, "project"),
                CallerIdentity.require());
        return ResponseEntity.created(URI.create("/projects/" + id + "/expenditures/"
                        + project.expenditures().getLast().expenditureId()))
                .eTag(VersionTags.etag(project.version()))
                .body(response(project));
    }

    @PostMapping("/{id}/expenditures/{expenditureId}/correction")
    @Operation(
            summary = "Correct a recorded expenditure (owner or admin)",
            description = "Records a new entry with the corrected date, amount and category that replaces the"
                    + " expenditure named; the old entry stays in the ledger, marked superseded, and no longer counts."
                    + " Publishes the project's state and an ExpenditureCorrected fact. 409 when the entry was already"
                    + " corrected or cancelled (the problem names the entry to correct instead).")
    ResponseEntity<ProjectResponse> correctExpenditure(
            @PathVariable String id,
            @PathVariable String expenditureId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProjectRequest.ExpenditureRequest request) {
        Project project = service.correctExpenditure(
                id,
                expenditureId,
                Expenditure.spent(
                        null,
                        request.date(),
                        request.amount(),
                        request.category(),
                        request.note(),
                        Boolean.TRUE.equals(request.synthetic())),
                VersionTags.ifMatch(ifMatch, "project"),
                CallerIdentity.require());
        return ResponseEntity.created(URI.create("/projects/" + id + "/expenditures/"
                        + project.expenditures().getLast().expenditureId()))
                .eTag(VersionTags.etag(project.version()))
                .body(response(project));
    }

    @PostMapping("/{id}/expenditures/{expenditureId}/cancellation")
    @Operation(
            summary = "Cancel a recorded expenditure (owner or admin)",
            description = "Records a new entry of amount 0 that replaces the expenditure named, which no longer counts;"
                    + " publishes the project's state and an ExpenditureCorrected fact with cancelled = true.")
    ResponseEntity<ProjectResponse> cancelExpenditure(
            @PathVariable String id,
            @PathVariable String expenditureId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) ProjectRequest.CancellationRequest request) {
        Project project = service.cancelExpenditure(
                id,
                expenditureId,
                request == null ? null : request.note(),
                VersionTags.ifMatch(ifMatch, "project"),
                CallerIdentity.require());
        return ResponseEntity.created(URI.create("/projects/" + id + "/expenditures/"
                        + project.expenditures().getLast().expenditureId()))
                .eTag(VersionTags.etag(project.version()))
                .body(response(project));
    }

    @GetMapping("/{id}/expenditures/{expenditureId}")
    @Operation(summary = "One recorded expenditure of a project (public)")
    ProjectChanged.Expenditure expenditure(@PathVariable String id, @PathVariable String expenditureId) {
        return service.state(service.get(id)).expenditures().stream()
                .filter(e -> e.expenditureId().equals(expenditureId))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Expenditure", id + "/" + expenditureId));
    }

    @PostMapping("/{id}/milestones/{milestoneId}/reached")
    @Operation(summary = "Give a milestone its actual date")
    ResponseEntity<ProjectResponse> reachMilestone(
            @PathVariable String id,
            @PathVariable String milestoneId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProjectRequest.MilestoneReachedRequest request) {
        Project project = service.reachMilestone(
                id,
                milestoneId,
                request.actualDate(),
                VersionTags.ifMatch(ifMatch, "project"),
                CallerIdentity.require());
        return ResponseEntity.ok().eTag(VersionTags.etag(project.version())).body(response(project));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a project (owner or admin); publishes a tombstone")
    ResponseEntity<Void> delete(
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(id, VersionTags.ifMatch(ifMatch, "project"), CallerIdentity.require());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(
            summary = "Search projects (public), in publication order with cursor paging",
            description =
                    "Filters: " + FILTER_DOC + ". Any other parameter is refused with 400 naming the allowed ones.")
    ProjectResponse.Page search(
            @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false) String limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        ProjectFilter filter = null;
        try {
            filter = ProjectSearchParameters.parse(all, Set.of("limit", "cursor"));
        } catch (InvalidFieldException e) {
            problems.addAll(e.problems());
        }
        int pageSize = PageLimits.parse(limit, DEFAULT_LIMIT, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        String after = cursor == null || cursor.isBlank() ? null : cursor.trim();
        List<Project> page = service.search(filter, after, pageSize + 1);
        boolean more = page.size() > pageSize;
        List<Project> items = more ? page.subList(0, pageSize) : page;
        return new ProjectResponse.Page(
                items.stream().map(this::response).toList(),
                more ? items.getLast().id() : null);
    }

    @GetMapping("/totals")
    @Operation(
            summary = "Projects and money (EUR) per strategic axis or per programme (public)",
            description = "by=axis or by=programme (default axis), with the same filters as the search.")
    ProjectTotals totals(
            @Parameter(description = "axis or programme") @RequestParam(required = false) String by,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        String groupBy = by == null || by.isBlank() ? "axis" : by.trim();
        List<FieldProblem> problems = new ArrayList<>();
        if (!groupBy.equals("axis") && !groupBy.equals("programme")) {
            problems.add(new FieldProblem("by", "must be axis or programme"));
        }
        ProjectFilter filter = null;
        try {
            filter = ProjectSearchParameters.parse(all, Set.of("by"));
        } catch (InvalidFieldException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        return service.totals(filter, groupBy);
    }

    private ProjectResponse response(Project project) {
        return ProjectResponse.of(project, service.state(project), service.today());
    }
}
