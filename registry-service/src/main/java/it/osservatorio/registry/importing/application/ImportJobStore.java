package it.osservatorio.registry.importing.application;

import it.osservatorio.registry.importing.domain.ImportJob;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Import jobs and, until they finish, their input files. */
public interface ImportJobStore {

    void create(StoredJob job, byte[] input);

    void save(StoredJob job);

    Optional<StoredJob> find(String id);

    Optional<byte[]> input(String id);

    void deleteInput(String id);

    /** Jobs queued or running, e.g. when the service stopped in the middle of them. */
    List<StoredJob> unfinished();

    /** A job with what is needed to run it again after a restart: the caller's scopes and the mode. */
    record StoredJob(ImportJob job, Set<String> scopes, String institutionName, boolean dryRun) {

        public StoredJob with(ImportJob changed) {
            return new StoredJob(changed, scopes, institutionName, dryRun);
        }
    }
}
