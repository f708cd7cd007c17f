package it.osservatorio.gateway.aggregation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Views a client would otherwise assemble from several services. The services are called in parallel, each with a
 * timeout; a section whose service is down, slow or failing is marked {@code UNAVAILABLE} and the view still
 * answers 200.
 */
@RestController
@RequestMapping("/api/views")
@Tag(name = "Aggregated views", description = "Public views assembled from several services in one call")
class AggregateController {

    /** The indicators-service's summary of one axis: each indicator's latest value, deviation and status (issue 6). */
    static final String INDICATORS_OF_AXIS = "/summary?axis=%d";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final ServiceReader services;

    AggregateController(ServiceReader services) {
        this.services = services;
    }

    @GetMapping("/axes/{axis}")
    @Operation(
            summary = "Axis overview: indicators (actual, baseline, target, deviation), projects, funding, open calls",
            description = "Each section has status AVAILABLE with data, or UNAVAILABLE with the reason.")
    Map<String, Object> axis(@PathVariable String axis) {
        int number = axisNumber(axis);
        var indicators = services.get("indicators", INDICATORS_OF_AXIS.formatted(number));
        var projects = services.get("projects", "/projects?axis=" + number + "&limit=50");
        var funding = services.get("projects", "/projects/totals?by=axis&axis=" + number);
        var openCalls = services.get("projects", "/calls?status=OPEN&axis=" + number);
        Map<String, Object> view = view("axis", number);
        view.put("indicators", indicators.await());
        view.put("projects", projects.await());
        view.put("funding", funding.await());
        view.put("openCalls", openCalls.await());
        return view;
    }

    @GetMapping("/organisations/{id}")
    @Operation(summary = "Organisation profile: registry data, clusters and filiere, projects as partner")
    Map<String, Object> organisation(@PathVariable String id) {
        String safe = identifier("id", id);
        var organisation = services.get("registry", "/organisations/" + safe);
        var memberships = services.get("registry", "/organisations/" + safe + "/memberships");
        var projects = services.get("projects", "/projects?partner=" + safe + "&limit=100");
        Section registryData = organisation.await();
        if (ServiceReader.NOT_FOUND.equals(registryData.reason())) {
            throw new ResourceNotFoundException("Organisation", id);
        }
        Map<String, Object> view = view("organisationId", safe);
        view.put("organisation", registryData);
        view.put("memberships", memberships.await());
        view.put("projects", projects.await());
        return view;
    }

    @GetMapping("/institutions/{id}")
    @Operation(summary = "Institution overview: the organisations, projects (with totals) and calls it publishes")
    Map<String, Object> institution(@PathVariable String id) {
        String safe = identifier("id", id);
        String owner = URLEncoder.encode(safe, StandardCharsets.UTF_8);
        var organisations = services.get("registry", "/organisations?owner=" + owner + "&limit=100");
        var projects = services.get("projects", "/projects?owner=" + owner + "&limit=100");
        var totals = services.get("projects", "/projects/totals?by=axis&owner=" + owner);
        var calls = services.get("projects", "/calls?owner=" + owner + "&limit=100");
        Map<String, Object> view = view("institutionId", safe);
        view.put("organisations", organisations.await());
        view.put("projects", projects.await());
        view.put("funding", totals.await());
        view.put("calls", calls.await());
        return view;
    }

    private static Map<String, Object> view(String key, Object value) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(key, value);
        view.put("generatedAt", Instant.now());
        return view;
    }

    private static int axisNumber(String axis) {
        try {
            int number = Integer.parseInt(axis.trim());
            if (number >= 1 && number <= 8) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidFieldException("axis", "'" + axis + "' is not a strategic axis of the pact; use 1 to 8");
    }

    private static String identifier(String field, String value) {
        if (!ID.matcher(value).matches()) {
            throw new InvalidFieldException(
                    field, "must be 1 to 128 letters, digits, dots, colons, underscores or dashes");
        }
        return value;
    }
}
