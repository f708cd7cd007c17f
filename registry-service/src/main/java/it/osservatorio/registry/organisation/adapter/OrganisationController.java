package it.osservatorio.registry.organisation.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.registry.organisation.application.OrganisationFilter;
import it.osservatorio.registry.organisation.application.OrganisationService;
import it.osservatorio.registry.organisation.application.OrganisationStore;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
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

@RestController
@RequestMapping("/organisations")
@Tag(name = "Organisations", description = "Members of the ecosystem, each owned by the institution that registered it")
class OrganisationController {

    private static final Set<String> SEARCH_PARAMETERS = new TreeSet<>(List.of("type", "province", "limit", "cursor"));
    private static final int MAX_LIMIT = 200;

    private final OrganisationService service;

    OrganisationController(OrganisationService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Register an organisation owned by the calling institution")
    ResponseEntity<OrganisationResponse> register(@Valid @RequestBody OrganisationRequest request) {
        Organisation organisation = service.register(request.toDetails(), CallerIdentity.require());
        return ResponseEntity.created(URI.create("/organisations/" + organisation.id()))
                .eTag(etag(organisation))
                .body(OrganisationResponse.of(organisation));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an organisation (public)")
    ResponseEntity<OrganisationResponse> get(@PathVariable String id) {
        Organisation organisation = service.get(id);
        return ResponseEntity.ok().eTag(etag(organisation)).body(OrganisationResponse.of(organisation));
    }

    @GetMapping
    @Operation(summary = "Search organisations (public), ordered by id, paged with a cursor")
    OrganisationResponse.Page search(
            @Parameter(description = "IMPRESA, ORGANISMO_DI_RICERCA or ALTRO_ENTE") @RequestParam(required = false)
                    String type,
            @Parameter(description = "two-letter province code, e.g. CR") @RequestParam(required = false)
                    String province,
            @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        all.keySet().stream()
                .filter(name -> !SEARCH_PARAMETERS.contains(name))
                .forEach(name -> problems.add(new FieldProblem(
                        name,
                        "is not a known filter; allowed parameters are " + String.join(", ", SEARCH_PARAMETERS))));
        OrganisationType organisationType = null;
        if (type != null) {
            try {
                organisationType = OrganisationType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("type", "must be one of IMPRESA, ORGANISMO_DI_RICERCA, ALTRO_ENTE"));
            }
        }
        int pageSize = limit == null ? 50 : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        String provinceCode = province == null ? null : province.trim().toUpperCase(Locale.ROOT);
        List<Organisation> page =
                service.search(new OrganisationFilter(organisationType, provinceCode), cursor, pageSize + 1);
        boolean more = page.size() > pageSize;
        List<Organisation> items = more ? page.subList(0, pageSize) : page;
        return new OrganisationResponse.Page(
                items.stream().map(OrganisationResponse::of).toList(),
                more ? items.getLast().id() : null);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace an organisation's details (owner or admin); If-Match guards against lost updates")
    ResponseEntity<OrganisationResponse> update(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OrganisationRequest request) {
        Organisation organisation =
                service.update(id, request.toDetails(), parseIfMatch(ifMatch), CallerIdentity.require());
        return ResponseEntity.ok().eTag(etag(organisation)).body(OrganisationResponse.of(organisation));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an organisation (owner or admin); publishes a tombstone")
    ResponseEntity<Void> delete(
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(id, parseIfMatch(ifMatch), CallerIdentity.require());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(OrganisationStore.DuplicatePartitaIvaException.class)
    ResponseEntity<ProblemDetail> duplicate(OrganisationStore.DuplicatePartitaIvaException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private static String etag(Organisation organisation) {
        return "\"" + organisation.version() + "\"";
    }

    static OptionalLong parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(
                    "If-Match", "must be the ETag you read, e.g. \"3\" (the organisation's version)");
        }
    }
}
