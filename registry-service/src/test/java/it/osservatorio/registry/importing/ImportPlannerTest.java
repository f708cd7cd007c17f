package it.osservatorio.registry.importing;

import static it.osservatorio.registry.importing.ImportRowFixture.aRow;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.registry.importing.domain.ImportPlanner;
import it.osservatorio.registry.importing.domain.RowDecision;
import it.osservatorio.registry.importing.domain.RowMapper;
import it.osservatorio.registry.organisation.domain.Organisation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportPlannerTest {

    private static final String CAMERA = "camera-commercio-cremona";
    private static final String PROVINCIA = "provincia-cremona";

    private final ImportPlanner planner = new ImportPlanner(CAMERA, CAMERA::equals);

    @Test
    void shouldCreateWhenNothingMatches() {
        List<RowDecision> decisions = planner.plan(List.of(valid(aRow())), Map.of(), Map.of());

        assertThat(decisions).singleElement().isInstanceOf(RowDecision.Create.class);
    }

    @Test
    void shouldLeaveUnchangedWhenRowEqualsStoredState() {
        RowMapper.MappedRow row = valid(aRow().with("externalId", "crm-1"));
        Organisation stored = stored(CAMERA, row);

        List<RowDecision> decisions = planner.plan(List.of(row), Map.of("crm-1", stored), Map.of());

        assertThat(decisions).singleElement().isInstanceOf(RowDecision.Unchanged.class);
    }

    @Test
    void shouldUpdateWhenRowMatchesOnPartitaIvaAndDiffers() {
        ImportRowFixture fixture = aRow();
        Organisation stored = stored(CAMERA, valid(fixture));
        RowMapper.MappedRow changed = valid(fixture.with("legalName", "Caseificio Soresinese S.r.l."));

        List<RowDecision> decisions = planner.plan(List.of(changed), Map.of(), Map.of(fixture.partitaIva(), stored));

        assertThat(decisions).singleElement().isInstanceOfSatisfying(RowDecision.Update.class, u -> assertThat(
                        u.current())
                .isSameAs(stored));
    }

    @Test
    void shouldPreferExternalIdWhenBothKeysMatchTheSameOrganisation() {
        ImportRowFixture fixture = aRow().with("externalId", "crm-2");
        Organisation stored = stored(CAMERA, valid(fixture));
        RowMapper.MappedRow changed = valid(fixture.with("website", "https://nuovo.example.it"));

        List<RowDecision> decisions =
                planner.plan(List.of(changed), Map.of("crm-2", stored), Map.of(fixture.partitaIva(), stored));

        assertThat(decisions).singleElement().isInstanceOf(RowDecision.Update.class);
    }

    @Test
    void shouldRejectRowWhenItMatchesAnotherInstitutionsOrganisation() {
        ImportRowFixture fixture = aRow();
        Organisation theirs = stored(PROVINCIA, valid(fixture));

        List<RowDecision> decisions =
                planner.plan(List.of(valid(fixture)), Map.of(), Map.of(fixture.partitaIva(), theirs));

        assertThat(decisions).singleElement().isInstanceOfSatisfying(RowDecision.Rejected.class, r -> {
            assertThat(r.problem().field()).isEqualTo("partitaIva");
            assertThat(r.problem().message()).contains(PROVINCIA).contains("may not change it");
        });
    }

    @Test
    void shouldRejectRowWhenExternalIdMatchesOneOrganisationAndPartitaIvaAnother() {
        ImportRowFixture first = aRow().with("externalId", "crm-3");
        ImportRowFixture second = aRow();
        Organisation a = stored(CAMERA, valid(first));
        Organisation b = stored(CAMERA, valid(second));
        RowMapper.MappedRow row = valid(aRow().with("externalId", "crm-3").with("partitaIva", second.partitaIva()));

        List<RowDecision> decisions = planner.plan(List.of(row), Map.of("crm-3", a), Map.of(second.partitaIva(), b));

        assertThat(decisions).singleElement().isInstanceOfSatisfying(RowDecision.Rejected.class, r -> assertThat(
                        r.problem().message())
                .contains("already registered as organisation '" + b.id() + "'"));
    }

    @Test
    void shouldRejectLaterRowWhenKeyRepeatsInTheSameFileAcrossBatches() {
        ImportRowFixture fixture = aRow().row(2).with("externalId", "crm-4");
        planner.plan(List.of(valid(fixture)), Map.of(), Map.of());

        List<RowDecision> later = planner.plan(
                List.of(
                        valid(aRow().row(900).with("externalId", "crm-4")),
                        valid(aRow().row(901).with("partitaIva", fixture.partitaIva()))),
                Map.of(),
                Map.of());

        assertThat(later).allSatisfy(d -> assertThat(d).isInstanceOf(RowDecision.Rejected.class));
        assertThat(((RowDecision.Rejected) later.get(0)).problem().message())
                .isEqualTo("repeats the externalId 'crm-4' of row 2; each organisation may appear only once in a file");
        assertThat(((RowDecision.Rejected) later.get(1)).problem().field()).isEqualTo("partitaIva");
    }

    private static RowMapper.MappedRow valid(ImportRowFixture fixture) {
        RowMapper.MappedRow mapped = RowMapper.map(fixture.build());
        assertThat(mapped.problems()).isEmpty();
        return mapped;
    }

    private static Organisation stored(String owner, RowMapper.MappedRow row) {
        return Organisation.register(
                "org-" + row.details().partitaIva(), owner, row.details(), Instant.parse("2026-01-01T00:00:00Z"));
    }
}
