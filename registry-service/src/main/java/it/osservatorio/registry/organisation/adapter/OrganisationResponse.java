package it.osservatorio.registry.organisation.adapter;

import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import java.time.Instant;
import java.util.List;

record OrganisationResponse(
        String id,
        long version,
        String ownerInstitutionId,
        String legalName,
        OrganisationType type,
        SizeClass sizeClass,
        OrganisationCategory category,
        String partitaIva,
        String codiceFiscale,
        String atecoCode,
        Address address,
        String website,
        List<String> ecosystems,
        String externalId,
        boolean synthetic,
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
                d.sizeClass(),
                d.category(),
                d.partitaIva(),
                d.codiceFiscale(),
                d.atecoCode(),
                d.address(),
                d.website(),
                d.ecosystems(),
                d.externalId(),
                d.synthetic(),
                o.createdAt(),
                o.updatedAt());
    }

    record Page(List<OrganisationResponse> items, String nextCursor) {}
}
