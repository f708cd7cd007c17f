package it.osservatorio.registry.importing.application;

import it.osservatorio.platform.ids.TimeOrderedIds;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.security.OwnershipViolationException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import it.osservatorio.registry.importing.application.ImportFileParser.ImportFormat;
import it.osservatorio.registry.importing.application.ImportJobStore.StoredJob;
import it.osservatorio.registry.importing.domain.ImportCounts;
import it.osservatorio.registry.importing.domain.ImportJob;
import it.osservatorio.registry.importing.domain.ImportReport;
import it.osservatorio.registry.importing.domain.RowInput;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs large imports in the background, one at a time, recording progress after each batch. A job left queued or
 * running by a stop is resumed at the next start: it runs again from its first row, which is safe because imports
 * are idempotent (rows already written are found unchanged).
 */
@Service
public class ImportJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportJobStore store;
    private final ImportFileParser parser;
    private final OrganisationImporter importer;
    private final ImportSettings settings;
    private final Clock clock;
    private final TimeOrderedIds ids;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            runnable -> Thread.ofPlatform().name("import-jobs").daemon().unstarted(runnable));
    private volatile boolean closing;

    public ImportJobs(
            ImportJobStore store,
            ImportFileParser parser,
            OrganisationImporter importer,
            ImportSettings settings,
            Clock clock) {
        this.store = store;
        this.parser = parser;
        this.importer = importer;
        this.settings = settings;
        this.clock = clock;
        this.ids = new TimeOrderedIds(clock);
    }

    public ImportJob submit(ImportFormat format, byte[] content, int rows, boolean dryRun, CallerIdentity caller) {
        ImportJob job = new ImportJob(
                ids.next("imp-"),
                caller.institutionId(),
                ImportJob.Status.QUEUED,
                format.name(),
                rows,
                0,
                ImportCounts.NONE,
                List.of(),
                0,
                null,
                clock.instant(),
                clock.instant());
        StoredJob stored = new StoredJob(job, caller.scopes(), caller.institutionName(), dryRun);
        store.create(stored, content);
        worker.execute(() -> run(stored.job().id()));
        return job;
    }

    public ImportJob get(String id, CallerIdentity caller) {
        ImportJob job =
                store.find(id).map(StoredJob::job).orElseThrow(() -> new ResourceNotFoundException("Import job", id));
        if (!caller.isAdmin() && !caller.institutionId().equals(job.institutionId())) {
            throw new OwnershipViolationException("Import job '" + id + "' belongs to institution '"
                    + job.institutionId() + "'; institution '" + caller.institutionId() + "' may not read it");
        }
        return job;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinished() {
        for (StoredJob stored : store.unfinished()) {
            log.info(
                    "Resuming import job {} ({}) left {}",
                    stored.job().id(),
                    stored.job().institutionId(),
                    stored.job().status());
            worker.execute(() -> run(stored.job().id()));
        }
    }

    private void run(String id) {
        StoredJob stored = store.find(id).orElse(null);
        if (stored == null || stored.job().isFinished()) {
            return;
        }
        try {
            byte[] content =
                    store.input(id).orElseThrow(() -> new IllegalStateException("its input file is no longer stored"));
            List<RowInput> rows = parser.parse(ImportFormat.valueOf(stored.job().format()), content);
            CallerIdentity caller =
                    new CallerIdentity(stored.job().institutionId(), stored.institutionName(), stored.scopes());
            StoredJob running = stored.with(
                    progress(stored.job(), ImportJob.Status.RUNNING, 0, ImportCounts.NONE, List.of(), 0, null));
            store.save(running);
            ImportReport report = importer.run(
                    rows,
                    stored.dryRun(),
                    caller,
                    settings.maxReportedProblems(),
                    tally -> store.save(running.with(progress(
                            running.job(),
                            ImportJob.Status.RUNNING,
                            tally.rowsDone(),
                            tally.counts(),
                            tally.problems(),
                            tally.problemCount(),
                            null))));
            store.save(running.with(progress(
                    running.job(),
                    ImportJob.Status.COMPLETED,
                    report.rows(),
                    report.counts(),
                    report.problems(),
                    report.problemCount(),
                    null)));
            store.deleteInput(id);
        } catch (RuntimeException e) {
            if (closing) {
                log.info("Import job {} interrupted by the stop; it resumes at the next start", id);
                return;
            }
            log.warn("Import job {} failed", id, e);
            store.save(stored.with(progress(
                    stored.job(),
                    ImportJob.Status.FAILED,
                    stored.job().rowsDone(),
                    stored.job().counts(),
                    stored.job().problems(),
                    stored.job().problemCount(),
                    "The import stopped: " + e.getMessage()
                            + ". Rows already imported stay; import the same file again to finish it.")));
            store.deleteInput(id);
        }
    }

    private ImportJob progress(
            ImportJob job,
            ImportJob.Status status,
            long rowsDone,
            ImportCounts counts,
            List<it.osservatorio.registry.importing.domain.RowProblem> problems,
            long problemCount,
            String message) {
        return new ImportJob(
                job.id(),
                job.institutionId(),
                status,
                job.format(),
                job.rowsTotal(),
                rowsDone,
                counts,
                problems,
                problemCount,
                message,
                job.createdAt(),
                clock.instant());
    }

    @Override
    public void close() {
        closing = true;
        worker.shutdownNow();
    }
}
