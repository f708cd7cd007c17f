package it.osservatorio.contracts.registry;

import it.osservatorio.contracts.StateEvent;
import java.time.Instant;
import java.util.List;

/**
 * The whole current state of an organisation (a member of the ecosystem) after it was registered or updated. Its
 * deletion is a tombstone on {@link it.osservatorio.contracts.Topics#ORGANISATIONS}.
 */
public record OrganisationChanged(
        String organisationId,
        long version,
        Change change,
        String ownerInstitutionId,
        String legalName,
        OrganisationType type,
        SizeClass sizeClass,
        String category,
        String partitaIva,
        String codiceFiscale,
        String atecoCode,
        Address address,
        String website,
        List<String> ecosystems,
        String externalId,
        boolean synthetic,
        Instant changedAt)
        implements StateEvent {

    public OrganisationChanged {
        ecosystems = ecosystems == null ? List.of() : List.copyOf(ecosystems);
    }

    @Override
    public String aggregateId() {
        return organisationId;
    }

    public enum Change {
        REGISTERED,
        UPDATED
    }

    /** The categories of the cluster reports: imprese, organismi di ricerca, altri enti. */
    public enum OrganisationType {
        IMPRESA,
        ORGANISMO_DI_RICERCA,
        ALTRO_ENTE
    }

    /** Size class of an impresa; null for other types. */
    public enum SizeClass {
        MICRO,
        PICCOLA,
        MEDIA,
        GRANDE
    }

    /** Where the organisation has its seat; comune by its six-digit ISTAT code, province by its two-letter code. */
    public record Address(String street, String comune, String comuneIstat, String province, String region) {}
}
