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
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * Imports rows batch by batch: checks every row in memory, looks up the existing organisations of a batch in two
 * queries, registers the new ones with one insertMany (each document with its own pending event, so no row is ever
 * half-written) and updates changed ones one by one through {@link OrganisationService}.
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
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            List<RowInput> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE));
            runBatch(batch, dryRun, caller, planner, tally);
            progress.batchDone(tally);
        }
        List<RowProblem> problems = new ArrayList<>(tally.problems());
        problems.sort(Comparator.comparingInt(RowProblem::row));
        return new ImportReport(dryRun, rows.size(), tally.counts(), problems, tally.problemCount());
    }

    private void runBatch(
            List<RowInput> batch, boolean dryRun, CallerIdentity caller, ImportPlanner planner, ImportTally tally) {
        List<RowMapper.MappedRow> valid = new ArrayList<>(batch.size());
        for (RowInput input : batch) {
            RowMapper.MappedRow mapped = RowMapper.map(input);
            if (mapped.isValid()) {
                valid.add(mapped);
            } else {
                tally.invalid(mapped.problems());
            }
        }
        List<String> externalIds = valid.stream()
                .map(row -> row.details().externalId())
                .filter(id -> id != null)
                .distinct()
                .toList();
        List<String> partiteIva = valid.stream()
                .map(row -> row.details().partitaIva())
                .filter(id -> id != null)
                .distinct()
                .toList();
        Map<String, Organisation> byExternalId = new HashMap<>();
        store.findByExternalIds(caller.institutionId(), externalIds)
                .forEach(o -> byExternalId.put(o.details().externalId(), o));
        Map<String, Organisation> byPartitaIva = new HashMap<>();
        store.findByPartitaIvas(partiteIva)
                .forEach(o -> byPartitaIva.put(o.details().partitaIva(), o));

        List<RowDecision.Create> creates = new ArrayList<>();
        for (RowDecision decision : planner.plan(valid, byExternalId, byPartitaIva)) {
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
