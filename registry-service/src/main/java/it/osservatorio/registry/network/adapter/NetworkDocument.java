package it.osservatorio.registry.network.adapter;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkDetails;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cluster or filiera as stored, with the events not yet acknowledged by the broker. {@code acronymKey} (kind and
 * upper-case acronym, absent without an acronym) carries the unique index: one sparse single-field index, because a
 * sparse compound index on kind + acronym would still index every document (kind is always present).
 */
@Document("networks")
record NetworkDocument(
        @Id String id,
        long version,
        NetworkKind kind,
        String ownerInstitutionId,
        String acronym,
        String acronymKey,
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
        Instant updatedAt,
        boolean deleted,
        List<PendingEvent> pendingEvents) {

    static NetworkDocument of(Network network, PendingEvent event) {
        NetworkDetails d = network.details();
        return new NetworkDocument(
                network.id(),
                network.version(),
                network.kind(),
                network.ownerInstitutionId(),
                d.acronym(),
                acronymKey(network.kind(), d.acronym()),
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
                network.createdAt(),
                network.updatedAt(),
                false,
                List.of(event));
    }

    static String acronymKey(NetworkKind kind, String acronym) {
        return acronym == null ? null : kind.name() + ":" + acronym.toUpperCase(Locale.ROOT);
    }

    Network toNetwork() {
        return new Network(
                id,
                kind,
                version,
                ownerInstitutionId,
                new NetworkDetails(
                        acronym,
                        name,
                        nameEn,
                        ecosystems,
                        technologyAreas,
                        managingBody,
                        foundingYear,
                        recognitionStatus,
                        website,
                        seats,
                        territory),
                createdAt,
                updatedAt);
    }
}
