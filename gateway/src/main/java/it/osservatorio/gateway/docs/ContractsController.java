package it.osservatorio.gateway.docs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The event contracts for institutions that plug into Kafka: the AsyncAPI document and each event's JSON Schema. */
@RestController
@Tag(name = "Event contracts", description = "AsyncAPI document and JSON Schemas of every event (public)")
class ContractsController {

    private static final Pattern SCHEMA = Pattern.compile("[a-z0-9-]+\\.v[0-9]+\\.json");
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @GetMapping(value = "/asyncapi.yaml")
    @Operation(summary = "The AsyncAPI document describing every topic and event")
    ResponseEntity<Resource> asyncApi() {
        return ResponseEntity.ok()
                .contentType(YAML)
                .cacheControl(CacheControl.noCache())
                .body(new ClassPathResource("asyncapi.yaml"));
    }

    @GetMapping(value = "/schemas/{name}")
    @Operation(summary = "One event's JSON Schema, e.g. organisation-changed.v1.json")
    ResponseEntity<Resource> schema(@PathVariable String name) {
        Resource schema = new ClassPathResource("schemas/" + name);
        if (!SCHEMA.matcher(name).matches() || !schema.exists()) {
            throw new ResourceNotFoundException("Event schema", name);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(schema);
    }
}
