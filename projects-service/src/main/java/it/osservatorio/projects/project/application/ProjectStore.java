package it.osservatorio.projects.project.application;

import it.osservatorio.platform.outbox.PendingEvent;
import it.osservatorio.projects.project.domain.Project;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Persistence of projects, each write together with its pending events in one document write. */
public interface ProjectStore {

    /** @throws DuplicateCupException when another project has the same CUP */
    void insert(Project project, List<PendingEvent> events);

    /**
     * Inserts many projects with one insertMany, unordered, each document with its own pending events.
     *
     * @return the positions of the projects not inserted because another project holds their CUP
     */
    Set<Integer> insertAll(List<Project> projects, List<List<PendingEvent>> events);

    /**
     * @return false when the stored version is no longer {@code expectedVersion}
     * @throws DuplicateCupException when another project has the new CUP
     */
    boolean update(Project project, long expectedVersion, List<PendingEvent> events);

    /** Marks it deleted with its tombstone; the outbox relay removes it once the tombstone is published. */
    boolean markDeleted(String id, long expectedVersion, PendingEvent tombstone);

    Optional<Project> find(String id);

    Optional<Project> findByCup(String cup);

    /** The projects holding any of these CUPs, with one query. */
    List<Project> findByCups(Collection<String> cups);

    /** The matching projects ordered by id, after {@code afterId} (exclusive; null for the first page). */
    List<Project> search(ProjectFilter filter, String afterId, int limit);

    /** Every matching project, in no particular order. */
    void forEach(ProjectFilter filter, Consumer<Project> action);

    class DuplicateCupException extends RuntimeException {
        public DuplicateCupException(String cup) {
            super("CUP " + cup + " is already used by another project");
        }
    }
}
