package it.osservatorio.projects.project.adapter;

import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.platform.replica.VersionedReplica;
import it.osservatorio.projects.project.application.PartnerDirectory;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Partners are looked up in the local replica of the registry's organisations, one read per partner. */
@Component
class ReplicaPartnerDirectory implements PartnerDirectory {

    private final VersionedReplica<OrganisationChanged> replica;

    ReplicaPartnerDirectory(VersionedReplica<OrganisationChanged> organisationReplicaStore) {
        this.replica = organisationReplicaStore;
    }

    @Override
    public Map<String, String> legalNames(Collection<String> organisationIds) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : organisationIds) {
            if (id != null && !names.containsKey(id)) {
                replica.find(id).ifPresent(organisation -> names.put(id, organisation.legalName()));
            }
        }
        return names;
    }
}
