package it.osservatorio.registry.organisation.adapter;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationCategory;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.SizeClass;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organisation as stored, with the events not yet acknowledged by the broker. */
@Document("organisations")
record OrganisationDocument(
        @Id String id,
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
        Instant updatedAt,
        boolean deleted,
        List<PendingEvent> pendingEvents,
        String ownerExternalId) {

    static OrganisationDocument of(Organisation organisation, PendingEvent event) {
        OrganisationDetails d = organisation.details();
        return new OrganisationDocument(
                organisation.id(),
                organisation.version(),
                organisation.ownerInstitutionId(),
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
                organisation.createdAt(),
                organisation.updatedAt(),
                false,
                List.of(event),
                ownerExternalId(organisation.ownerInstitutionId(), d.externalId()));
    }

    Organisation toOrganisation() {
        return new Organisation(
                id,
                version,
                ownerInstitutionId,
                new OrganisationDetails(
                        legalName,
                        type,
                        sizeClass,
                        category,
                        partitaIva,
                        codiceFiscale,
                        atecoCode,
                        address,
                        website,
                        ecosystems,
                        externalId,
                        synthetic),
                createdAt,
                updatedAt);
    }

    /** The unique key of an external id: external ids are unique per owning institution. */
    static String ownerExternalId(String ownerInstitutionId, String externalId) {
        return externalId == null ? null : ownerInstitutionId + "/" + externalId;
    }
}
