package it.osservatorio.registry.importing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import it.osservatorio.registry.importing.application.ImportJobStore.StoredJob;
import it.osservatorio.registry.importing.domain.ImportCounts;
import it.osservatorio.registry.importing.domain.ImportJob;
import it.osservatorio.registry.importing.domain.ImportReport;
import it.osservatorio.registry.importing.domain.RowInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImportJobsTest {

    private final InMemoryJobStore store = new InMemoryJobStore();
    private final OrganisationImporter importer = mock(OrganisationImporter.class);
    private final ImportFileParser parser = (format, content) -> List.of(new RowInput(2, Map.of()));
    private final ImportJobs jobs =
            new ImportJobs(store, parser, importer, new ImportSettings(1_000_000, 1000, 100), Clock.systemUTC());

    @AfterEach
    void stop() {
        jobs.close();
    }

    @Test
    void shouldResumeAndCompleteJobWhenRestartLeftItRunning() {
        store.create(aJob("imp-1", ImportJob.Status.RUNNING), new byte[] {1});
        when(importer.run(anyList(), anyBoolean(), any(), anyInt(), any()))
                .thenReturn(new ImportReport(false, 1, new ImportCounts(1, 0, 0, 0, 1), List.of(), 0));

        jobs.resumeUnfinished();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.find("imp-1").orElseThrow().job().status() == ImportJob.Status.COMPLETED);
        assertThat(store.find("imp-1").orElseThrow().job().rowsDone()).isEqualTo(1);
        assertThat(store.input("imp-1")).isEmpty();
    }

    @Test
    void shouldMarkJobFailedWithMessageWhenImportThrows() {
        store.create(aJob("imp-2", ImportJob.Status.QUEUED), new byte[] {1});
        when(importer.run(anyList(), anyBoolean(), any(), anyInt(), any()))
                .thenThrow(new IllegalStateException("database unreachable"));

        jobs.resumeUnfinished();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> store.find("imp-2").orElseThrow().job().status() == ImportJob.Status.FAILED);
        assertThat(store.find("imp-2").orElseThrow().job().message())
                .contains("database unreachable")
                .contains("import the same file again");
    }

    private static StoredJob aJob(String id, ImportJob.Status status) {
        Instant now = Instant.now();
        return new StoredJob(
                new ImportJob(
                        id,
                        "camera-commercio-cremona",
                        status,
                        "CSV",
                        1,
                        0,
                        ImportCounts.NONE,
                        List.of(),
                        0,
                        null,
                        now,
                        now),
                Set.of("read", "write"),
                "Camera di Commercio di Cremona",
                false);
    }

    private static final class InMemoryJobStore implements ImportJobStore {
        private final Map<String, StoredJob> jobs = new ConcurrentHashMap<>();
        private final Map<String, byte[]> inputs = new ConcurrentHashMap<>();

        @Override
        public void create(StoredJob job, byte[] input) {
            jobs.put(job.job().id(), job);
            inputs.put(job.job().id(), input);
        }

        @Override
        public void save(StoredJob job) {
            jobs.put(job.job().id(), job);
        }

        @Override
        public Optional<StoredJob> find(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public Optional<byte[]> input(String id) {
            return Optional.ofNullable(inputs.get(id));
        }

        @Override
        public void deleteInput(String id) {
            inputs.remove(id);
        }

        @Override
        public List<StoredJob> unfinished() {
            return jobs.values().stream().filter(j -> !j.job().isFinished()).toList();
        }
    }
}
