package it.osservatorio.registry.organisation.adapter;

import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import java.time.Instant;
import java.util.List;

record OrganisationResponse(
        String id,
        long version,
        String ownerInstitutionId,
        String legalName,
        OrganisationType type,
        String partitaIva,
        String codiceFiscale,
        Address address,
        String website,
        List<String> ecosystems,
        Instant createdAt,
        Instant updatedAt) {

    static OrganisationResponse of(Organisation o) {
        var d = o.details();
        return new OrganisationResponse(
                o.id(),
                o.version(),
                o.ownerInstitutionId(),
                d.legalName(),
                d.type(),
                d.partitaIva(),
                d.codiceFiscale(),
                d.address(),
                d.website(),
                d.ecosystems(),
                o.createdAt(),
                o.updatedAt());
    }

    record Page(List<OrganisationResponse> items, String nextCursor) {}
}
