package it.osservatorio.indicators.computed.domain;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.indicators.catalogue.domain.DeclaredComputedIndicators;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ComputationEngineTest {

    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void shouldCountSumAndDivideWhenProjectsOfAnAxisArrive() {
        ComputationEngine engine = engine();

        engine.apply(project("p1", 1, 3, "ONGOING", "100000.00", "25000.00"));
        engine.apply(project("p2", 1, 3, "APPROVED", "50000.00", "0.00"));
        engine.apply(project("p3", 1, 3, "REVOKED", "70000.00", "10000.00"));
        engine.apply(project("p4", 1, 4, "PROPOSED", "10000.00", "0.00"));

        Map<String, BigDecimal> values = values(engine);
        assertThat(values.get("PRJ-COUNT-A3")).isEqualByComparingTo("2");
        assertThat(values.get("PRJ-COMMITTED-A3")).isEqualByComparingTo("150000");
        assertThat(values.get("PRJ-SPENT-A3")).isEqualByComparingTo("25000");
        assertThat(values.get("PRJ-FINPROGRESS-A3")).isEqualByComparingTo("16.67");
        assertThat(values.get("PRJ-COUNT-A4")).isEqualByComparingTo("1");
        assertThat(values.get("PRJ-COMMITTED-A4")).isEqualByComparingTo("0");
        assertThat(engine.currentPeriod()).isEqualTo("2026");
    }

    @Test
    void shouldCountAProjectUnderEachOfItsAxesWhenItBelongsToSeveral() {
        ComputationEngine engine = engine();

        engine.apply(new SourceChange(
                SourceChange.Kind.PROJECT,
                "p-2-6",
                1,
                Map.of(
                        "axis", List.of(2, 6),
                        "status", "ONGOING",
                        "totalCost", new BigDecimal("80000.00"),
                        "spent", new BigDecimal("20000.00"),
                        "committed", new BigDecimal("80000.00")),
                T));

        Map<String, BigDecimal> values = values(engine);
        assertThat(values.get("PRJ-COUNT-A2")).isEqualByComparingTo("1");
        assertThat(values.get("PRJ-COUNT-A6")).isEqualByComparingTo("1");
        assertThat(values.get("PRJ-COMMITTED-A6")).isEqualByComparingTo("80000");
        assertThat(values.getOrDefault("PRJ-COUNT-A3", BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void shouldIgnoreStaleAndDuplicateVersionsAndApplyDeletionsWhenEventsRepeat() {
        ComputationEngine engine = engine();

        engine.apply(project("p1", 2, 3, "ONGOING", "100000.00", "25000.00"));
        assertThat(engine.apply(project("p1", 1, 3, "PROPOSED", "1.00", "0.00")))
                .isFalse();
        assertThat(engine.apply(project("p1", 2, 3, "PROPOSED", "1.00", "0.00")))
                .isFalse();
        assertThat(values(engine).get("PRJ-COMMITTED-A3")).isEqualByComparingTo("100000");

        engine.apply(new SourceChange(SourceChange.Kind.PROJECT, "p1", 3, null, T));

        assertThat(values(engine).get("PRJ-COUNT-A3")).isEqualByComparingTo("0");
        assertThat(values(engine).get("PRJ-FINPROGRESS-A3")).isNull();
    }

    @Test
    void shouldJoinMembershipsWithOrganisationsWhicheverArrivesFirstWhenComputingTheNetworkingShare() {
        ComputationEngine engine = engine();

        engine.apply(membership("m1", 1, "o1", "CLUSTER", true));
        engine.apply(organisation("o1", 1, "IMPRESA", "CR"));
        engine.apply(organisation("o2", 1, "IMPRESA", "CR"));
        engine.apply(organisation("o3", 1, "IMPRESA", "CR"));
        engine.apply(organisation("o4", 1, "ORGANISMO_DI_RICERCA", "CR"));
        engine.apply(membership("m2", 1, "o4", "CLUSTER", true));
        engine.apply(membership("m3", 1, "o2", "FILIERA", true));
        engine.apply(membership("m4", 1, "o3", "FILIERA", false));

        Map<String, BigDecimal> values = values(engine);
        assertThat(values.get("NETWORKING-CR")).isEqualByComparingTo("66.67");
        assertThat(values.get("CLUSTER-MEMBERS-IMPRESA")).isEqualByComparingTo("1");
        assertThat(values.get("CLUSTER-MEMBERS-ORGANISMO-DI-RICERCA")).isEqualByComparingTo("1");

        engine.apply(new SourceChange(SourceChange.Kind.MEMBERSHIP, "m3", 2, null, T));

        assertThat(values(engine).get("NETWORKING-CR")).isEqualByComparingTo("33.33");
    }

    @Test
    void shouldGiveTheSameDigestWhenTheSameEventsAreReplayedInAnotherOrderOrAfterAReset() {
        List<SourceChange> changes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            changes.add(project(
                    "p" + (i % 50),
                    1 + i / 50,
                    1 + i % 8,
                    i % 3 == 0 ? "ONGOING" : "APPROVED",
                    (1000 + i) + ".50",
                    (i * 3) + ".25"));
            changes.add(organisation("o" + (i % 70), 1 + i / 70, i % 2 == 0 ? "IMPRESA" : "ALTRO_ENTE", "CR"));
            changes.add(membership(
                    "m" + (i % 40), 1 + i / 40, "o" + (i % 70), i % 2 == 0 ? "CLUSTER" : "FILIERA", i % 5 != 0));
        }
        ComputationEngine inOrder = engine();
        changes.forEach(inOrder::apply);
        List<SourceChange> shuffled = new ArrayList<>(changes);
        Collections.shuffle(shuffled, new Random(42));
        ComputationEngine replayed = engine();
        shuffled.forEach(replayed::apply);

        String digest = inOrder.digest();
        inOrder.reset();
        changes.forEach(inOrder::apply);

        assertThat(replayed.digest()).isEqualTo(digest);
        assertThat(inOrder.digest()).isEqualTo(digest);
        assertThat(values(replayed)).isEqualTo(values(inOrder));
    }

    @Test
    void shouldReportOnlyChangedValuesWhenDrained() {
        ComputationEngine engine = engine();
        engine.apply(project("p1", 1, 2, "ONGOING", "10.00", "1.00"));
        engine.drainChanged();

        engine.apply(project("p2", 1, 7, "PROPOSED", "0.00", "0.00"));

        assertThat(engine.drainChanged()).extracting(ComputedValue::code).containsExactly("PRJ-COUNT-A7");
    }

    private static ComputationEngine engine() {
        return new ComputationEngine(DeclaredComputedIndicators.all().stream()
                .map(i -> new ComputationEngine.Definition(i.code(), i.territory(), i.formula()))
                .toList());
    }

    private static Map<String, BigDecimal> values(ComputationEngine engine) {
        return engine.values().stream().collect(Collectors.toMap(ComputedValue::code, ComputedValue::value));
    }

    private static SourceChange project(
            String id, long version, int axis, String status, String totalCost, String spent) {
        boolean committed = status.equals("APPROVED") || status.equals("ONGOING") || status.equals("COMPLETED");
        return new SourceChange(
                SourceChange.Kind.PROJECT,
                id,
                version,
                Map.of(
                        "axis",
                        String.valueOf(axis),
                        "status",
                        status,
                        "totalCost",
                        new BigDecimal(totalCost),
                        "spent",
                        new BigDecimal(spent),
                        "committed",
                        committed ? new BigDecimal(totalCost) : BigDecimal.ZERO),
                T);
    }

    private static SourceChange organisation(String id, long version, String type, String province) {
        return new SourceChange(
                SourceChange.Kind.ORGANISATION, id, version, Map.of("type", type, "province", province), T);
    }

    private static SourceChange membership(
            String id, long version, String organisationId, String networkKind, boolean open) {
        return new SourceChange(
                SourceChange.Kind.MEMBERSHIP,
                id,
                version,
                Map.of("organisationId", organisationId, "networkKind", networkKind, "open", open),
                T);
    }
}
