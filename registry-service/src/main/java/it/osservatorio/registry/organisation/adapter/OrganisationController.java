package it.osservatorio.registry.organisation.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.PageLimits;
import it.osservatorio.platform.web.VersionTags;
import it.osservatorio.registry.organisation.application.OrganisationSearchIndex;
import it.osservatorio.registry.organisation.application.OrganisationSearchParameter;
import it.osservatorio.registry.organisation.application.OrganisationService;
import it.osservatorio.registry.organisation.application.OrganisationStore;
import it.osservatorio.registry.organisation.domain.Organisation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/organisations")
@Tag(name = "Organisations", description = "Members of the ecosystem, each owned by the institution that registered it")
class OrganisationController {

    private static final Set<String> SEARCH_PARAMETERS = Set.of("sort", "limit", "cursor");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("sort", "format");
    private static final String FILTER_DOC = "type, sizeClass, category, province (e.g. CR), comune (name or ISTAT"
            + " code), atecoPrefix (e.g. 62 or 62.01), ecosystem, name (text in the legal name, case and accents"
            + " ignored), synthetic (true or false), owner (institution id)";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final OrganisationService service;
    private final OrganisationSearchParameters parameters;
    private final OrganisationExport export;

    OrganisationController(
            OrganisationService service, List<OrganisationSearchParameter> searchParameters, JsonMapper json) {
        this.service = service;
        this.parameters = new OrganisationSearchParameters(searchParameters);
        this.export = new OrganisationExport(json);
    }

    @PostMapping
    @Operation(summary = "Register an organisation owned by the calling institution")
    ResponseEntity<OrganisationResponse> register(@Valid @RequestBody OrganisationRequest request) {
        Organisation organisation = service.register(request.toDetails(), CallerIdentity.require());
        return ResponseEntity.created(URI.create("/organisations/" + organisation.id()))
                .eTag(VersionTags.etag(organisation.version()))
                .body(OrganisationResponse.of(organisation));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an organisation (public)")
    ResponseEntity<OrganisationResponse> get(@PathVariable String id) {
        Organisation organisation = service.get(id);
        return ResponseEntity.ok()
                .eTag(VersionTags.etag(organisation.version()))
                .body(OrganisationResponse.of(organisation));
    }

    @GetMapping
    @Operation(
            summary = "Search organisations (public): filters, sort, cursor paging",
            description = "Filters: " + FILTER_DOC + ". sort: comma-separated fields among legalName, createdAt,"
                    + " updatedAt, province, type, each optionally prefixed with - for descending (default: by id,"
                    + " i.e. registration order). Any other parameter is refused with 400.")
    OrganisationResponse.Page search(
            @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false) String limit,
            @Parameter(description = "nextCursor of the previous page, with the same sort")
                    @RequestParam(required = false)
                    String cursor,
            @Parameter(description = "e.g. legalName,-createdAt") @RequestParam(required = false) String sort,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        OrganisationSearchParameters.Parsed parsed = null;
        try {
            parsed = parameters.parse(all, SEARCH_PARAMETERS);
        } catch (InvalidFieldException e) {
            problems.addAll(e.problems());
        }
        int pageSize = PageLimits.parse(limit, DEFAULT_LIMIT, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        OrganisationSearchIndex.Page page = service.search(
                parsed.filter(), parsed.sort(), cursor == null || cursor.isBlank() ? null : cursor.trim(), pageSize);
        return new OrganisationResponse.Page(
                page.items().stream().map(OrganisationResponse::of).toList(), page.nextCursor());
    }

    @GetMapping("/export")
    @Operation(
            summary = "Export the organisations a search selects (public), as CSV or JSON, streamed",
            description = "Same filters and sort as the search, without paging. format=csv or json; without it,"
                    + " Accept: text/csv gives CSV and anything else JSON. CSV: RFC 4180, UTF-8, header row.")
    void export(
            @Parameter(description = "csv or json") @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestParam Map<String, String> all,
            @RequestHeader(name = "Accept", required = false) String accept,
            HttpServletResponse response)
            throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        OrganisationSearchParameters.Parsed parsed = null;
        try {
            parsed = parameters.parse(all, EXPORT_PARAMETERS);
        } catch (InvalidFieldException e) {
            problems.addAll(e.problems());
        }
        boolean csv;
        if (format == null || format.isBlank()) {
            csv = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
        } else {
            csv = format.trim().equalsIgnoreCase("csv");
            if (!csv && !format.trim().equalsIgnoreCase("json")) {
                problems.add(new FieldProblem("format", "must be csv or json"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        List<Organisation> selection = service.export(parsed.filter(), parsed.sort());
        response.setCharacterEncoding("UTF-8");
        if (csv) {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"organisations.csv\"");
            export.csv(selection, response.getOutputStream());
        } else {
            response.setContentType("application/json");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"organisations.json\"");
            export.json(selection, response.getOutputStream());
        }
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an organisation's details (owner or admin); If-Match guards against lost updates")
    ResponseEntity<OrganisationResponse> update(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OrganisationRequest request) {
        Organisation organisation = service.update(
                id, request.toDetails(), VersionTags.ifMatch(ifMatch, "organisation"), CallerIdentity.require());
        return ResponseEntity.ok()
                .eTag(VersionTags.etag(organisation.version()))
                .body(OrganisationResponse.of(organisation));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an organisation (owner or admin); publishes a tombstone")
    ResponseEntity<Void> delete(
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(id, VersionTags.ifMatch(ifMatch, "organisation"), CallerIdentity.require());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(OrganisationStore.DuplicatePartitaIvaException.class)
    ResponseEntity<ProblemDetail> duplicate(OrganisationStore.DuplicatePartitaIvaException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
