package it.osservatorio.registry.organisation.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.organisation.domain.Address;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import java.time.Instant;

/** Turns an organisation's new state into the integration event that carries it. */
final class OrganisationEvents {

    private final EventCodec codec;

    OrganisationEvents(EventCodec codec) {
        this.codec = codec;
    }

    PendingEvent changed(Organisation organisation) {
        OrganisationDetails details = organisation.details();
        Address address = details.address();
        OrganisationChanged event = new OrganisationChanged(
                organisation.id(),
                organisation.version(),
                organisation.version() == 1
                        ? OrganisationChanged.Change.REGISTERED
                        : OrganisationChanged.Change.UPDATED,
                organisation.ownerInstitutionId(),
                details.legalName(),
                OrganisationChanged.OrganisationType.valueOf(details.type().name()),
                details.sizeClass() == null
                        ? null
                        : OrganisationChanged.SizeClass.valueOf(
                                details.sizeClass().name()),
                details.category() == null ? null : details.category().name(),
                details.partitaIva(),
                details.codiceFiscale(),
                details.atecoCode(),
                new OrganisationChanged.Address(
                        address.street(),
                        address.comune(),
                        address.comuneIstat(),
                        address.province(),
                        address.region()),
                details.website(),
                details.ecosystems(),
                details.externalId(),
                details.synthetic(),
                organisation.updatedAt());
        return PendingEvent.of(codec.envelope(event, organisation.updatedAt()));
    }

    PendingEvent deleted(Organisation organisation, Instant now) {
        return PendingEvent.of(
                codec.tombstone(EventType.ORGANISATION_DELETED, organisation.id(), organisation.version() + 1, now));
    }
}
