package it.osservatorio.registry.importing.application;

import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.security.OwnershipViolationException;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.platform.web.PreconditionFailedException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import it.osservatorio.registry.importing.domain.ImportPlanner;
import it.osservatorio.registry.importing.domain.ImportReport;
import it.osservatorio.registry.importing.domain.ImportTally;
import it.osservatorio.registry.importing.domain.RowDecision;
import it.osservatorio.registry.importing.domain.RowInput;
import it.osservatorio.registry.importing.domain.RowMapper;
import it.osservatorio.registry.importing.domain.RowProblem;
import it.osservatorio.registry.organisation.application.OrganisationService;
import it.osservatorio.registry.organisation.application.OrganisationStore;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.validation.InvalidDetailsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Service;

/**
 * Imports rows batch by batch: checks every row in memory, looks up the existing organisations of a batch (by external
 * id, then by Partita IVA only for the rows that did not match with the same Partita IVA), registers the new ones with
 * one insertMany (each document with its own pending event, so no row is ever half-written) and updates changed ones
 * one by one through {@link OrganisationService}. While one batch is planned and written, the next one is checked and
 * looked up on a second thread: a key repeated across the two batches is rejected by the planner anyway, and an
 * update planned on a look-up that the earlier batch made stale fails its version check and is reported on its row.
 */
@Service
public class OrganisationImporter {

    public static final int BATCH_SIZE = 500;

    private final OrganisationService organisations;
    private final OrganisationStore store;

    public OrganisationImporter(OrganisationService organisations, OrganisationStore store) {
        this.organisations = organisations;
        this.store = store;
    }

    /** Called after each batch with the tally so far. */
    public interface Progress {
        Progress NONE = tally -> {};

        void batchDone(ImportTally tally);
    }

    public ImportReport run(
            List<RowInput> rows, boolean dryRun, CallerIdentity caller, int maxProblems, Progress progress) {
        ImportTally tally = new ImportTally(maxProblems);
        ImportPlanner planner = new ImportPlanner(caller.institutionId(), caller::mayWrite);
        try (ExecutorService lookAhead = Executors.newSingleThreadExecutor(runnable ->
                Thread.ofPlatform().name("import-look-ahead").daemon().unstarted(runnable))) {
            Future<CheckedBatch> next = lookAhead.submit(() -> check(batch(rows, 0), caller));
            for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
                CheckedBatch current = next.get();
                int following = from + BATCH_SIZE;
                if (following < rows.size()) {
                    next = lookAhead.submit(() -> check(batch(rows, following), caller));
                }
                write(current, dryRun, caller, planner, tally);
                progress.batchDone(tally);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Import interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Import look-up failed", e.getCause());
        }
        List<RowProblem> problems = new ArrayList<>(tally.problems());
        problems.sort(Comparator.comparingInt(RowProblem::row));
        return new ImportReport(dryRun, rows.size(), tally.counts(), problems, tally.problemCount());
    }

    private static List<RowInput> batch(List<RowInput> rows, int from) {
        return rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE));
    }

    /** A batch's valid rows with the stored organisations they may match, and the problems of its invalid rows. */
    private record CheckedBatch(
            List<RowMapper.MappedRow> valid,
            List<List<RowProblem>> invalid,
            Map<String, Organisation> byExternalId,
            Map<String, Organisation> byPartitaIva) {}

    private CheckedBatch check(List<RowInput> batch, CallerIdentity caller) {
        List<RowMapper.MappedRow> valid = new ArrayList<>(batch.size());
        List<List<RowProblem>> invalid = new ArrayList<>();
        for (RowInput input : batch) {
            RowMapper.MappedRow mapped = RowMapper.map(input);
            if (mapped.isValid()) {
                valid.add(mapped);
            } else {
                invalid.add(mapped.problems());
            }
        }
        List<String> externalIds = valid.stream()
                .map(row -> row.details().externalId())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<String, Organisation> byExternalId = new HashMap<>();
        store.findByExternalIds(caller.institutionId(), externalIds)
                .forEach(o -> byExternalId.put(o.details().externalId(), o));
        // The Partita IVA is unique: when the external id's match has the row's Partita IVA, no other organisation
        // holds it, so only the other rows need the second look-up.
        Map<String, Organisation> byPartitaIva = new HashMap<>();
        List<String> partiteIva = new ArrayList<>();
        for (RowMapper.MappedRow row : valid) {
            String partitaIva = row.details().partitaIva();
            if (partitaIva == null) {
                continue;
            }
            Organisation byExternal = row.details().externalId() == null
                    ? null
                    : byExternalId.get(row.details().externalId());
            if (byExternal != null && partitaIva.equals(byExternal.details().partitaIva())) {
                byPartitaIva.put(partitaIva, byExternal);
            } else {
                partiteIva.add(partitaIva);
            }
        }
        store.findByPartitaIvas(partiteIva.stream().distinct().toList())
                .forEach(o -> byPartitaIva.put(o.details().partitaIva(), o));
        return new CheckedBatch(valid, invalid, byExternalId, byPartitaIva);
    }

    private void write(
            CheckedBatch batch, boolean dryRun, CallerIdentity caller, ImportPlanner planner, ImportTally tally) {
        batch.invalid().forEach(tally::invalid);
        List<RowDecision.Create> creates = new ArrayList<>();
        for (RowDecision decision : planner.plan(batch.valid(), batch.byExternalId(), batch.byPartitaIva())) {
            switch (decision) {
                case RowDecision.Create create -> creates.add(create);
                case RowDecision.Unchanged unchanged -> tally.unchanged();
                case RowDecision.Rejected rejected -> tally.invalid(List.of(rejected.problem()));
                case RowDecision.Update update -> {
                    if (dryRun) {
                        tally.updated();
                    } else {
                        update(update, caller, tally);
                    }
                }
            }
        }
        if (dryRun) {
            creates.forEach(create -> tally.created());
            return;
        }
        List<OrganisationDetails> details =
                creates.stream().map(RowDecision.Create::details).toList();
        List<Organisation> registered = organisations.registerAll(details, caller.institutionId());
        for (int i = 0; i < creates.size(); i++) {
            if (registered.get(i) != null) {
                tally.created();
            } else {
                tally.invalid(List.of(new RowProblem(
                        creates.get(i).row(),
                        details.get(i).externalId() != null ? "externalId" : "partitaIva",
                        "was registered by another request meanwhile (same Partita IVA or externalId);"
                                + " import the file again to update it")));
            }
        }
    }

    private void update(RowDecision.Update update, CallerIdentity caller, ImportTally tally) {
        try {
            organisations.update(
                    update.current().id(),
                    update.details(),
                    OptionalLong.of(update.current().version()),
                    caller);
            tally.updated();
        } catch (InvalidDetailsException e) {
            tally.invalid(e.violations().stream()
                    .map(v -> new RowProblem(update.row(), v.field(), v.message()))
                    .toList());
        } catch (PreconditionFailedException
                | ConflictException
                | OwnershipViolationException
                | ResourceNotFoundException
                | OrganisationStore.DuplicatePartitaIvaException e) {
            tally.invalid(List.of(new RowProblem(update.row(), "partitaIva", e.getMessage())));
        }
    }
}
