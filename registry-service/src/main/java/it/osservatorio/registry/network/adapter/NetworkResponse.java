package it.osservatorio.registry.network.adapter;

import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkDetails;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.Instant;
import java.util.List;

record NetworkResponse(
        String id,
        NetworkKind kind,
        long version,
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
        Instant createdAt,
        Instant updatedAt) {

    static NetworkResponse of(Network n) {
        NetworkDetails d = n.details();
        return new NetworkResponse(
                n.id(),
                n.kind(),
                n.version(),
                n.ownerInstitutionId(),
                d.acronym(),
                d.name(),
                d.nameEn(),
                d.ecosystems(),
                d.technologyAreas(),
                d.managingBody(),
                d.foundingYear(),
                d.recognitionStatus(),
                d.website(),
                d.seats(),
                d.territory(),
                n.createdAt(),
                n.updatedAt());
    }

    record Page(List<NetworkResponse> items, String nextCursor) {}
}
