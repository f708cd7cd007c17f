package it.osservatorio.registry.network.application;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkKind;
import java.util.List;
import java.util.Optional;

/** Persistence of clusters and filiere, each write together with its pending event in one document write. */
public interface NetworkStore {

    /** @throws DuplicateAcronymException when another network of the same kind has the same acronym */
    void insert(Network network, PendingEvent event);

    /**
     * @return false when the stored version is no longer {@code expectedVersion}
     * @throws DuplicateAcronymException when another network of the same kind has the new acronym
     */
    boolean update(Network network, long expectedVersion, PendingEvent event);

    /** Marks it deleted with its tombstone; the outbox relay removes it once the tombstone is published. */
    boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone);

    Optional<Network> find(String id);

    /** Acronyms are compared ignoring case. */
    Optional<Network> findByAcronym(NetworkKind kind, String acronym);

    List<Network> list(NetworkKind kind, String afterId, int limit);

    class DuplicateAcronymException extends RuntimeException {
        public DuplicateAcronymException(NetworkKind kind, String acronym) {
            super(kind.label() + " acronym " + acronym + " is already registered");
        }
    }
}
