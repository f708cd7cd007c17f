package it.osservatorio.projects.organisationreplica;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.platform.replica.VersionedReplica;
import it.osservatorio.platform.web.InvalidFieldException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/organisations")
@Tag(name = "Organisation replica", description = "The registry's organisations as this service knows them")
class OrganisationReplicaController {

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
    @Operation(summary = "Replicated organisations ordered by id, paged with the last id seen")
    List<OrganisationChanged> list(
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidFieldException("limit", "must be between 1 and 500");
        }
        Query query = new Query().with(Sort.by("_id")).limit(limit);
        if (after != null) {
            query.addCriteria(where("_id").gt(after));
        }
        return replica.findAll(query);
    }
}
