package it.osservatorio.projects.organisationreplica;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.platform.replica.VersionedReplica;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/organisations")
@Tag(name = "Organisation replica", description = "The registry's organisations as this service knows them")
class OrganisationReplicaController {

    static final int MAX_LIMIT = 500;

    private final VersionedReplica<OrganisationChanged> replica;

    OrganisationReplicaController(VersionedReplica<OrganisationChanged> organisationReplicaStore) {
        this.replica = organisationReplicaStore;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An organisation as replicated here, with the registry version it reflects")
    OrganisationChanged get(@PathVariable String id) {
        return replica.find(id).orElseThrow(() -> new ResourceNotFoundException("Organisation", id));
    }

    @GetMapping
    @Operation(summary = "Replicated organisations ordered by id; the next page starts after the last id seen")
    List<OrganisationChanged> list(
            @Parameter(description = "the last id of the previous page") @RequestParam(required = false) String after,
            @Parameter(description = "page size, 1 to " + MAX_LIMIT) @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (after != null && after.isBlank()) {
            throw new InvalidFieldException(
                    "after", "must be the id of an organisation, or left out for the first page");
        }
        return replica.page(after, limit);
    }
}
