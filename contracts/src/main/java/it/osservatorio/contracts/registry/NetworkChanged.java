package it.osservatorio.contracts.registry;

import it.osservatorio.contracts.StateEvent;
import java.time.Instant;
import java.util.List;

/**
 * The whole current state of a network, a technology cluster or a filiera (supply chain), after it was registered or
 * updated. {@code managingBody} is a cluster's managing body or a filiera's capofila. Its deletion is a tombstone on
 * {@link it.osservatorio.contracts.Topics#NETWORKS}.
 */
public record NetworkChanged(
        String networkId,
        long version,
        Change change,
        Kind kind,
        String ownerInstitutionId,
        String acronym,
        String name,
        String nameEn,
        List<String> ecosystems,
        List<String> technologyAreas,
        String managingBody,
        Integer foundingYear,
        String recognitionStatus,
        String website,
        List<String> seats,
        String territory,
        Instant changedAt)
        implements StateEvent {

    public NetworkChanged {
        ecosystems = ecosystems == null ? List.of() : List.copyOf(ecosystems);
        technologyAreas = technologyAreas == null ? List.of() : List.copyOf(technologyAreas);
        seats = seats == null ? List.of() : List.copyOf(seats);
    }

    @Override
    public String aggregateId() {
        return networkId;
    }

    public enum Change {
        REGISTERED,
        UPDATED
    }

    public enum Kind {
        CLUSTER,
        FILIERA
    }
}
