package it.osservatorio.registry.membership.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.PageLimits;
import it.osservatorio.platform.web.VersionTags;
import it.osservatorio.registry.membership.application.MembershipFilter;
import it.osservatorio.registry.membership.application.MembershipService;
import it.osservatorio.registry.membership.domain.Membership;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
@RequestMapping("/memberships")
@Tag(
        name = "Memberships",
        description = "Organisations' memberships of clusters and filiere, with role and validity dates")
class MembershipController {

    private static final Set<String> SEARCH_PARAMETERS =
            new TreeSet<>(List.of("organisationId", "networkId", "networkKind", "activeOn", "limit", "cursor"));
    private static final int MAX_LIMIT = 200;
    private static final int DEFAULT_LIMIT = 50;

    private final MembershipService service;

    MembershipController(MembershipService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(
            summary = "Register a membership (the organisation's owning institution or an admin); owned by the caller")
    ResponseEntity<MembershipResponse> register(@RequestBody MembershipRequest request) {
        Membership membership = service.register(request.toTerms(), CallerIdentity.require());
        return ResponseEntity.created(URI.create("/memberships/" + membership.id()))
                .eTag(VersionTags.etag(membership.version()))
                .body(MembershipResponse.of(membership));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a membership (public)")
    ResponseEntity<MembershipResponse> get(@PathVariable String id) {
        Membership membership = service.get(id);
        return ResponseEntity.ok().eTag(VersionTags.etag(membership.version())).body(MembershipResponse.of(membership));
    }

    @GetMapping
    @Operation(summary = "Search memberships (public), ordered by id, paged with a cursor")
    MembershipResponse.Page search(
            @Parameter(description = "the member organisation's id") @RequestParam(required = false)
                    String organisationId,
            @Parameter(description = "a cluster's or filiera's id") @RequestParam(required = false) String networkId,
            @Parameter(description = "CLUSTER or FILIERA") @RequestParam(required = false) String networkKind,
            @Parameter(description = "only memberships valid on this day, YYYY-MM-DD") @RequestParam(required = false)
                    String activeOn,
            @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false) String limit,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor,
            @RequestParam Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        all.keySet().stream()
                .filter(name -> !SEARCH_PARAMETERS.contains(name))
                .forEach(name -> problems.add(new FieldProblem(
                        name,
                        "is not a known filter; allowed parameters are " + String.join(", ", SEARCH_PARAMETERS))));
        NetworkKind kind = networkKind(networkKind, problems);
        LocalDate day = MembershipRequest.date("activeOn", activeOn, problems);
        int pageSize = PageLimits.parse(limit, DEFAULT_LIMIT, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        List<Membership> page = service.search(
                new MembershipFilter(blankToNull(organisationId), kind, blankToNull(networkId), day),
                cursor,
                pageSize + 1);
        boolean more = page.size() > pageSize;
        List<Membership> items = more ? page.subList(0, pageSize) : page;
        return new MembershipResponse.Page(
                items.stream().map(MembershipResponse::of).toList(),
                more ? items.getLast().id() : null);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a membership's terms (owner or admin); If-Match guards against lost updates")
    ResponseEntity<MembershipResponse> update(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody MembershipRequest request) {
        Membership membership = service.update(
                id, request.toTerms(), VersionTags.ifMatch(ifMatch, "membership"), CallerIdentity.require());
        return ResponseEntity.ok().eTag(VersionTags.etag(membership.version())).body(MembershipResponse.of(membership));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a membership (owner or admin); publishes a tombstone")
    ResponseEntity<Void> delete(
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(id, VersionTags.ifMatch(ifMatch, "membership"), CallerIdentity.require());
        return ResponseEntity.noContent().build();
    }

    static NetworkKind networkKind(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return NetworkKind.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("networkKind", "must be CLUSTER or FILIERA (got '" + value + "')"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
