package it.osservatorio.registry.network.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.PageLimits;
import it.osservatorio.platform.web.VersionTags;
import it.osservatorio.registry.network.application.NetworkService;
import it.osservatorio.registry.network.application.NetworkStore;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The API of one kind of network, at {@code /clusters} or {@code /filiere}; both share every operation. */
abstract class NetworkController {

    private static final Set<String> LIST_PARAMETERS = new TreeSet<>(List.of("limit", "cursor"));
    private static final int MAX_LIMIT = 200;
    private static final int DEFAULT_LIMIT = 50;

    private final NetworkService service;
    private final NetworkKind kind;

    NetworkController(NetworkService service, NetworkKind kind) {
        this.service = service;
        this.kind = kind;
    }

    @PostMapping
    @Operation(summary = "Register one, owned by the calling institution")
    ResponseEntity<NetworkResponse> register(@RequestBody NetworkRequest request) {
        Network network = service.register(kind, request.toDetails(), CallerIdentity.require());
        return ResponseEntity.created(URI.create("/" + kind.collection() + "/" + network.id()))
                .eTag(VersionTags.etag(network.version()))
                .body(NetworkResponse.of(network));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read one (public)")
    ResponseEntity<NetworkResponse> get(@PathVariable String id) {
        Network network = service.get(kind, id);
        return ResponseEntity.ok().eTag(VersionTags.etag(network.version())).body(NetworkResponse.of(network));
    }

    @GetMapping
    @Operation(summary = "List them (public), ordered by id, paged with a cursor")
    NetworkResponse.Page list(
            @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false) String limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        all.keySet().stream()
                .filter(name -> !LIST_PARAMETERS.contains(name))
                .forEach(name -> problems.add(new FieldProblem(
                        name,
                        "is not a known parameter; allowed parameters are " + String.join(", ", LIST_PARAMETERS))));
        int pageSize = PageLimits.parse(limit, DEFAULT_LIMIT, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        List<Network> page = service.list(kind, cursor, pageSize + 1);
        boolean more = page.size() > pageSize;
        List<Network> items = more ? page.subList(0, pageSize) : page;
        return new NetworkResponse.Page(
                items.stream().map(NetworkResponse::of).toList(),
                more ? items.getLast().id() : null);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace its details (owner or admin); If-Match guards against lost updates")
    ResponseEntity<NetworkResponse> update(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody NetworkRequest request) {
        Network network = service.update(
                kind,
                id,
                request.toDetails(),
                VersionTags.ifMatch(ifMatch, kind.label().toLowerCase()),
                CallerIdentity.require());
        return ResponseEntity.ok().eTag(VersionTags.etag(network.version())).body(NetworkResponse.of(network));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete one (owner or admin); publishes a tombstone")
    ResponseEntity<Void> delete(
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(kind, id, VersionTags.ifMatch(ifMatch, kind.label().toLowerCase()), CallerIdentity.require());
        return ResponseEntity.noContent().build();
    }

    /** Two writes racing for the same acronym: the loser's look-up found no holder yet. */
    @ExceptionHandler(NetworkStore.DuplicateAcronymException.class)
    ResponseEntity<ProblemDetail> duplicate(NetworkStore.DuplicateAcronymException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
