package it.osservatorio.registry.organisation.application;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.organisation.domain.Organisation;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Persistence of organisations, each write together with its pending event in one document write. */
public interface OrganisationStore {

    /** @throws DuplicatePartitaIvaException when another organisation has the same Partita IVA */
    void insert(Organisation organisation, PendingEvent event);

    /** @return false when the stored version is no longer {@code expectedVersion} */
    boolean update(Organisation organisation, long expectedVersion, PendingEvent event);

    /** Marks it deleted with its tombstone; the outbox relay removes it once the tombstone is published. */
    boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone);

    Optional<Organisation> find(String id);

    Optional<Organisation> findByPartitaIva(String partitaIva);

    /** The organisations (not deleted) among {@code ids}, in no particular order. */
    List<Organisation> findAll(Collection<String> ids);

    /** Every current (not deleted) organisation, read once at startup to load the search projection. */
    void forEachCurrent(Consumer<Organisation> action);

    class DuplicatePartitaIvaException extends RuntimeException {
        public DuplicatePartitaIvaException(String partitaIva) {
            super("Partita IVA " + partitaIva + " is already registered");
        }
    }

    /**
     * Inserts each organisation with its first pending event, one document per organisation, in one round trip.
     *
     * @return the indexes (into {@code organisations}) that were not inserted because a unique key was taken
     */
    java.util.Set<Integer> insertAll(List<Organisation> organisations, List<PendingEvent> events);

    /** The organisations of {@code ownerInstitutionId} with one of these external ids. */
    List<Organisation> findByExternalIds(String ownerInstitutionId, Collection<String> externalIds);

    /** The organisations with one of these Partite IVA, whoever owns them. */
    List<Organisation> findByPartitaIvas(Collection<String> partiteIva);
}
