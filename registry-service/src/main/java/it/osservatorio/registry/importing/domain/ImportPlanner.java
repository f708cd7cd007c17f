package it.osservatorio.registry.importing.domain;

import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides, batch after batch of one file, what to do with each valid row. A row matches an existing organisation of
 * the importing institution on its external id, else any organisation on its Partita IVA. It remembers the keys of
 * the rows it has seen, so that a key repeated later in the same file is rejected on the later row.
 */
public final class ImportPlanner {

    private final String institutionId;
    private final Predicate<String> mayWriteOwnedBy;
    private final Map<String, Integer> externalIdRows = new HashMap<>();
    private final Map<String, Integer> partitaIvaRows = new HashMap<>();

    /**
     * @param institutionId the importing institution, owner of the organisations the file creates
     * @param mayWriteOwnedBy whether the importing caller may change an organisation owned by that institution
     */
    public ImportPlanner(String institutionId, Predicate<String> mayWriteOwnedBy) {
        this.institutionId = institutionId;
        this.mayWriteOwnedBy = mayWriteOwnedBy;
    }

    /**
     * @param rows valid rows, in file order
     * @param byExternalId the importing institution's organisations with an external id of these rows
     * @param byPartitaIva the organisations with a Partita IVA of these rows, whoever owns them
     */
    public List<RowDecision> plan(
            List<RowMapper.MappedRow> rows,
            Map<String, Organisation> byExternalId,
            Map<String, Organisation> byPartitaIva) {
        List<RowDecision> decisions = new ArrayList<>(rows.size());
        for (RowMapper.MappedRow row : rows) {
            decisions.add(decide(row.row(), row.details(), byExternalId, byPartitaIva));
        }
        return decisions;
    }

    private RowDecision decide(
            int row,
            OrganisationDetails details,
            Map<String, Organisation> byExternalId,
            Map<String, Organisation> byPartitaIva) {
        String externalId = details.externalId();
        String partitaIva = details.partitaIva();
        Integer earlier = externalId == null ? null : externalIdRows.putIfAbsent(externalId, row);
        if (earlier != null) {
            return rejected(
                    row,
                    "externalId",
                    "repeats the externalId '" + externalId + "' of row " + earlier
                            + "; each organisation may appear only once in a file");
        }
        earlier = partitaIva == null ? null : partitaIvaRows.putIfAbsent(partitaIva, row);
        if (earlier != null) {
            return rejected(
                    row,
                    "partitaIva",
                    "repeats the Partita IVA " + partitaIva + " of row " + earlier
                            + "; each organisation may appear only once in a file");
        }
        Organisation byExternal = externalId == null ? null : byExternalId.get(externalId);
        Organisation byVat = partitaIva == null ? null : byPartitaIva.get(partitaIva);
        Organisation match = byExternal != null ? byExternal : byVat;
        if (match == null) {
            return new RowDecision.Create(row, details);
        }
        if (!mayWriteOwnedBy.test(match.ownerInstitutionId())) {
            return rejected(
                    row,
                    byExternal != null ? "externalId" : "partitaIva",
                    "matches organisation '" + match.id() + "', which belongs to institution '"
                            + match.ownerInstitutionId() + "'; institution '" + institutionId
                            + "' may not change it");
        }
        if (byVat != null && !byVat.id().equals(match.id())) {
            return rejected(
                    row,
                    "partitaIva",
                    "Partita IVA " + partitaIva + " is already registered as organisation '" + byVat.id() + "' ("
                            + byVat.details().legalName() + ")");
        }
        if (match.details().equals(details)) {
            return new RowDecision.Unchanged(row, match);
        }
        return new RowDecision.Update(row, match, details);
    }

    private static RowDecision rejected(int row, String field, String message) {
        return new RowDecision.Rejected(row, new RowProblem(row, field, message));
    }
}
