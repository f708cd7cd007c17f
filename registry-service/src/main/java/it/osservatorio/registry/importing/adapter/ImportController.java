package it.osservatorio.registry.importing.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.registry.importing.application.ImportFileParser;
import it.osservatorio.registry.importing.application.ImportFileParser.ImportFormat;
import it.osservatorio.registry.importing.application.ImportJobs;
import it.osservatorio.registry.importing.application.ImportSettings;
import it.osservatorio.registry.importing.application.InvalidImportFileException;
import it.osservatorio.registry.importing.application.OrganisationImporter;
import it.osservatorio.registry.importing.domain.ImportCounts;
import it.osservatorio.registry.importing.domain.ImportJob;
import it.osservatorio.registry.importing.domain.ImportReport;
import it.osservatorio.registry.importing.domain.RowInput;
import it.osservatorio.registry.importing.domain.RowProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/organisations/imports")
@Tag(name = "Organisation imports", description = "Bulk import of organisations from CSV or JSON, with dry runs")
class ImportController {

    private static final Set<String> PARAMETERS = new TreeSet<>(List.of("dryRun", "async"));

    private final ImportFileParser parser;
    private final OrganisationImporter importer;
    private final ImportJobs jobs;
    private final ImportSettings settings;

    ImportController(ImportFileParser parser, OrganisationImporter importer, ImportJobs jobs, ImportSettings settings) {
        this.parser = parser;
        this.importer = importer;
        this.jobs = jobs;
        this.settings = settings;
    }

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    @Operation(
            summary = "Import organisations owned by the calling institution",
            description = "CSV (UTF-8, header naming the columns legalName, type, sizeClass, category, partitaIva,"
                    + " codiceFiscale, atecoCode, street, comune, comuneIstat, province, region, website,"
                    + " ecosystems (separated by ;), externalId, synthetic) or a JSON array of the objects"
                    + " POST /organisations takes. Rows match existing organisations on externalId, else on"
                    + " Partita IVA; an unchanged row writes nothing. Small files answer 200 with the report;"
                    + " larger ones (or async=true) 202 with the job's Location.")
    ResponseEntity<?> importFile(
            @Parameter(description = "true: only report what the import would do") @RequestParam(defaultValue = "false")
                    boolean dryRun,
            @Parameter(description = "true: run as a job even if the file is small")
                    @RequestParam(defaultValue = "false")
                    boolean async,
            @RequestParam Map<String, String> all,
            HttpServletRequest request)
            throws IOException {
        List<FieldProblem> unknown = all.keySet().stream()
                .filter(name -> !PARAMETERS.contains(name))
                .map(name -> new FieldProblem(
                        name, "is not a known parameter; allowed parameters are " + String.join(", ", PARAMETERS)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidFieldException(unknown);
        }
        CallerIdentity caller = CallerIdentity.require();
        caller.requireWriteAccess(
                caller.institutionId(), "Importing organisations for institution '" + caller.institutionId() + "'");
        ImportFormat format =
                MediaType.parseMediaType(request.getContentType()).isCompatibleWith(MediaType.APPLICATION_JSON)
                        ? ImportFormat.JSON
                        : ImportFormat.CSV;
        byte[] content = read(request);
        List<RowInput> rows = parser.parse(format, content);
        if (async || rows.size() > settings.asyncThreshold()) {
            ImportJob job = jobs.submit(format, content, rows.size(), dryRun, caller);
            return ResponseEntity.accepted()
                    .location(URI.create("/organisations/imports/" + job.id()))
                    .body(JobResponse.of(job));
        }
        ImportReport report =
                importer.run(rows, dryRun, caller, settings.maxReportedProblems(), OrganisationImporter.Progress.NONE);
        return ResponseEntity.ok(ReportResponse.of(report));
    }

    @GetMapping("/{jobId}")
    @Operation(summary = "Progress and report of an import job (its institution or an admin)")
    JobResponse job(@PathVariable String jobId) {
        CallerIdentity caller = CallerIdentity.current()
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.UNAUTHORIZED,
                        ProblemDetail.forStatusAndDetail(
                                HttpStatus.UNAUTHORIZED,
                                "Import jobs are readable only with the token of their institution"),
                        null));
        return JobResponse.of(jobs.get(jobId, caller));
    }

    @ExceptionHandler(InvalidImportFileException.class)
    ResponseEntity<ProblemDetail> invalidFile(InvalidImportFileException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Unreadable import file");
        problem.setType(URI.create("https://osservatorio.example/problems/unreadable-import-file"));
        if (!e.allowedColumns().isEmpty()) {
            problem.setProperty("allowedColumns", e.allowedColumns());
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(FileTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(FileTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Import file too large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    private byte[] read(HttpServletRequest request) throws IOException {
        long max = settings.maxBytes();
        if (request.getContentLengthLong() > max) {
            throw new FileTooLargeException(max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (content.length > max) {
                throw new FileTooLargeException(max);
            }
            return content;
        }
    }

    static final class FileTooLargeException extends RuntimeException {
        FileTooLargeException(long max) {
            super("The file is larger than the limit of " + max + " bytes; split it into smaller files");
        }
    }

    record ReportResponse(
            boolean dryRun, long rows, Map<String, Long> counts, List<RowProblem> errors, long errorCount) {

        static ReportResponse of(ImportReport report) {
            return new ReportResponse(
                    report.dryRun(),
                    report.rows(),
                    namedCounts(report.counts(), report.dryRun()),
                    report.problems(),
                    report.problemCount());
        }
    }

    record JobResponse(
            String id,
            ImportJob.Status status,
            long rowsTotal,
            long rowsDone,
            Map<String, Long> counts,
            List<RowProblem> errors,
            long errorCount,
            String message,
            Instant createdAt,
            Instant updatedAt) {

        static JobResponse of(ImportJob job) {
            return new JobResponse(
                    job.id(),
                    job.status(),
                    job.rowsTotal(),
                    job.rowsDone(),
                    namedCounts(job.counts(), false),
                    job.problems(),
                    job.problemCount(),
                    job.message(),
                    job.createdAt(),
                    job.updatedAt());
        }
    }

    private static Map<String, Long> namedCounts(ImportCounts counts, boolean dryRun) {
        Map<String, Long> named = new LinkedHashMap<>();
        named.put("valid", counts.valid());
        named.put("invalid", counts.invalid());
        named.put(dryRun ? "wouldCreate" : "created", counts.created());
        named.put(dryRun ? "wouldUpdate" : "updated", counts.updated());
        named.put("unchanged", counts.unchanged());
        return named;
    }
}
