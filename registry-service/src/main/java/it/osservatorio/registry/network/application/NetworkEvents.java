package it.osservatorio.registry.network.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkDetails;
import java.time.Instant;

/** Turns a cluster's or filiera's new state into the integration event that carries it. */
final class NetworkEvents {

    private final EventCodec codec;

    NetworkEvents(EventCodec codec) {
        this.codec = codec;
    }

    PendingEvent changed(Network network) {
        NetworkDetails details = network.details();
        NetworkChanged event = new NetworkChanged(
                network.id(),
                network.version(),
                network.version() == 1 ? NetworkChanged.Change.REGISTERED : NetworkChanged.Change.UPDATED,
                NetworkChanged.Kind.valueOf(network.kind().name()),
                network.ownerInstitutionId(),
                details.acronym(),
                details.name(),
                details.nameEn(),
                details.ecosystems(),
                details.technologyAreas(),
                details.managingBody(),
                details.foundingYear(),
                details.recognitionStatus(),
                details.website(),
                details.seats(),
                details.territory(),
                network.updatedAt());
        return PendingEvent.of(codec.envelope(event, network.updatedAt()));
    }

    PendingEvent deleted(Network network, Instant now) {
        return PendingEvent.of(codec.tombstone(EventType.NETWORK_DELETED, network.id(), network.version() + 1, now));
    }
}
