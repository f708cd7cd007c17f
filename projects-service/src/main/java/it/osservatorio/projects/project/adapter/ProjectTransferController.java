package it.osservatorio.projects.project.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.ProblemDetailsAdvice;
import it.osservatorio.projects.project.application.ProjectFilter;
import it.osservatorio.projects.project.application.ProjectImporter;
import it.osservatorio.projects.project.application.ProjectService;
import it.osservatorio.projects.project.domain.Project;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/projects")
@Tag(name = "Project import and export", description = "CSV in an OpenCoesione-like layout")
class ProjectTransferController {

    private static final int PAGE = 500;

    private final ProjectService service;
    private final ProjectImporter importer;

    ProjectTransferController(ProjectService service, ProjectImporter importer) {
        this.service = service;
        this.importer = importer;
    }

    @GetMapping("/export")
    @Operation(
            summary = "Export the projects a search selects (public) as CSV, OpenCoesione-like layout",
            description = "Same filters as the search, without paging. Separator ';', UTF-8, header row with the"
                    + " columns " + "COD_LOCALE_PROGETTO;CUP;OC_TITOLO_PROGETTO;… (see the import).")
    void export(@Parameter(hidden = true) @RequestParam Map<String, String> all, HttpServletResponse response)
            throws IOException {
        ProjectFilter filter = ProjectSearchParameters.parse(all, Set.of());
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progetti.csv\"");
        List<ProjectChanged> rows = new ArrayList<>();
        String after = null;
        while (true) {
            List<Project> page = service.search(filter, after, PAGE);
            page.forEach(project -> rows.add(service.state(project)));
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().id();
        }
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        ProjectCsv.write(rows, out);
    }

    @PostMapping(
            path = "/imports",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(
            summary = "Import projects from CSV in the export's layout, matched on CUP (idempotent)",
            description = "A new CUP creates a project of the calling institution (status from OC_STATO_PROGETTO,"
                    + " default PROPOSED); a known one updates it when something differs (partners and milestones"
                    + " are kept; the status changes only through POST /projects/{id}/status). dryRun=true decides"
                    + " and reports every row without writing. Invalid rows are reported and skipped.")
    ProjectImporter.Report importCsv(
            @Parameter(description = "true to report without writing") @RequestParam(defaultValue = "false")
                    String dryRun,
            HttpServletRequest request)
            throws IOException {
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            throw new InvalidFieldException("dryRun", "must be true or false");
        }
        CallerIdentity caller = CallerIdentity.require();
        List<ProjectImporter.Row> rows =
                ProjectCsv.read(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
        return importer.importRows(rows, Boolean.parseBoolean(dryRun), caller);
    }

    @ExceptionHandler(ProjectCsv.InvalidCsvException.class)
    ResponseEntity<ProblemDetail> invalidCsv(ProjectCsv.InvalidCsvException e) {
        return ResponseEntity.badRequest()
                .body(ProblemDetailsAdvice.invalid(List.of(new FieldProblem("file", e.getMessage()))));
    }
}
