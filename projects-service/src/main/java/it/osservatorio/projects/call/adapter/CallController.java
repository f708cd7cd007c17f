package it.osservatorio.projects.call.adapter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.web.FieldProblem;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.PageLimits;
import it.osservatorio.platform.web.VersionTags;
import it.osservatorio.projects.call.application.CallService;
import it.osservatorio.projects.call.application.CallStore;
import it.osservatorio.projects.call.domain.Call;
import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.project.domain.ProgrammeKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
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
@RequestMapping("/calls")
@Tag(name = "Calls", description = "Calls for proposals (bandi), with status and notices following their dates")
class CallController {

    private static final Set<String> PARAMETERS =
            new TreeSet<>(Set.of("status", "owner", "programme", "axis", "ecosystem", "q", "limit", "cursor"));
    private static final int EXPORT_PAGE = 500;
    private static final int MAX_LIMIT = 200;

    private final CallService service;

    CallController(CallService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Publish a call owned by the calling institution")
    ResponseEntity<CallResponse> publish(@RequestBody CallRequest request) {
        Call call = service.publish(request.toDetails(), CallerIdentity.require());
        return ResponseEntity.created(URI.create("/calls/" + call.id()))
                .eTag(VersionTags.etag(call.version()))
                .body(CallResponse.of(call, service.now()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a call (public)")
    ResponseEntity<CallResponse> get(@PathVariable String id) {
        Call call = service.get(id);
        return ResponseEntity.ok().eTag(VersionTags.etag(call.version())).body(CallResponse.of(call, service.now()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a call's details (owner or admin); moved dates schedule new notices")
    ResponseEntity<CallResponse> update(
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody CallRequest request) {
        Call call =
                service.update(id, request.toDetails(), VersionTags.ifMatch(ifMatch, "call"), CallerIdentity.require());
        return ResponseEntity.ok().eTag(VersionTags.etag(call.version())).body(CallResponse.of(call, service.now()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a call (owner or admin); publishes a tombstone")
    ResponseEntity<Void> delete(
            @PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        service.delete(id, VersionTags.ifMatch(ifMatch, "call"), CallerIdentity.require());
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    @Operation(
            summary = "List calls (public) in publication order, cursor paging",
            description = "Filters: status (FORTHCOMING, OPEN, CLOSED, UNKNOWN), owner, programme, axis, ecosystem,"
                    + " q (words in title, issuer, programme, beneficiaries or status note).")
    CallResponse.Page list(
            @Parameter(description = "page size, 1 to 200 (default 50)") @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        List<FieldProblem> problems = new ArrayList<>();
        CallStore.CallFilter filter = filter(all, PARAMETERS, problems);
        int pageSize = PageLimits.parse(limit, 50, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        List<Call> page = service.page(filter, cursor == null || cursor.isBlank() ? null : cursor.trim(), pageSize + 1);
        boolean more = page.size() > pageSize;
        List<Call> items = more ? page.subList(0, pageSize) : page;
        Instant now = service.now();
        return new CallResponse.Page(
                items.stream().map(call -> CallResponse.of(call, now)).toList(),
                more ? items.getLast().id() : null);
    }

    @GetMapping("/export")
    @Operation(
            summary = "Export the calls a search selects (public) as CSV",
            description = "Same filters as the list, without paging. Separator ';', UTF-8, header row "
                    + "id;issuer;title;programme;axis;ecosystems;eligibleBeneficiaryTypes;budget;opensAt;deadline;"
                    + "link;status;statusBasis;reportedStatus;reportedStatusNote;synthetic (lists separated by '|',"
                    + " dates in Europe/Rome time, empty where not known).")
    void export(@Parameter(hidden = true) @RequestParam Map<String, String> all, HttpServletResponse response)
            throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> allowed = new TreeSet<>(PARAMETERS);
        allowed.removeAll(Set.of("limit", "cursor"));
        allowed.add("format");
        CallStore.CallFilter filter = filter(all, allowed, problems);
        String format = all.getOrDefault("format", "csv").trim();
        if (!format.equals("csv")) {
            problems.add(new FieldProblem("format", "must be csv"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldException(problems);
        }
        List<Call> calls = new ArrayList<>();
        String after = null;
        while (true) {
            List<Call> page = service.page(filter, after, EXPORT_PAGE);
            calls.addAll(page);
            if (page.size() < EXPORT_PAGE) {
                break;
            }
            after = page.getLast().id();
        }
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bandi.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CallCsv.write(calls, service.now(), out);
    }

    private static CallStore.CallFilter filter(
            Map<String, String> all, Set<String> allowed, List<FieldProblem> problems) {
        all.keySet().stream()
                .filter(name -> !allowed.contains(name))
                .forEach(name -> problems.add(new FieldProblem(
                        name, "is not a parameter of this operation; allowed: " + String.join(", ", allowed))));
        CallStatus status = parse("status", all.get("status"), CallStatus.class, problems);
        ProgrammeKind programme = parse("programme", all.get("programme"), ProgrammeKind.class, problems);
        Integer axis = null;
        if (all.get("axis") != null) {
            try {
                axis = Integer.parseInt(all.get("axis").trim());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("axis", "must be a strategic axis, 1 to 8"));
            }
        }
        String q = all.get("q");
        return new CallStore.CallFilter(
                status,
                all.get("owner"),
                programme == null ? null : programme.name(),
                axis,
                all.get("ecosystem"),
                q == null || q.isBlank() ? null : q.trim());
    }

    private static <E extends Enum<E>> E parse(String name, String value, Class<E> type, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(
                    name,
                    "'" + value + "' is not one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(type.getEnumConstants())
                                            .map(Enum::name)
                                            .toList())));
            return null;
        }
    }
}
