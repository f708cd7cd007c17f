package it.osservatorio.projects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.projects.call.domain.CallDetails;
import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.call.domain.StatusBasis;
import it.osservatorio.projects.project.domain.Expenditure;
import it.osservatorio.projects.project.domain.Milestone;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoDatasetTest {

    private final DemoDataset dataset = DemoDataLoader.readDataset();

    @Test
    void shouldHoldEveryPactProjectPerAxisAsTheReferenceDataCountsThemWithoutContextMentions() {
        Map<Integer, Long> perAxis = dataset.projects().stream()
                .filter(p -> p.programme() == null)
                .collect(Collectors.groupingBy(DemoDataset.DemoProject::axis, TreeMap::new, Collectors.counting()));

        // projects.json counts 1: 15, 2+6: 13, 3: 43, 4: 9, 5: 40, 7: 34 (7 of them road proposals mentioned as
        // context, left out), 8: 21
        assertThat(perAxis)
                .containsExactly(
                        Map.entry(1, 15L),
                        Map.entry(2, 13L),
                        Map.entry(3, 43L),
                        Map.entry(4, 9L),
                        Map.entry(5, 40L),
                        Map.entry(7, 27L),
                        Map.entry(8, 21L));
        assertThat(dataset.projects()).hasSize(169);
        assertThat(dataset.projects()).extracting(DemoDataset.DemoProject::id).doesNotHaveDuplicates();
        assertThat(dataset.projects()).filteredOn(p -> p.programme() == null).allSatisfy(p -> assertThat(p.source())
                .startsWith("001_"));
        // the pact treats axes 2 and 6 together: its 13 projects belong to both
        assertThat(dataset.projects())
                .filteredOn(p -> p.programme() == null && p.axis() == 2)
                .allSatisfy(p -> assertThat(p.otherAxes()).containsExactly(6));
        assertThat(dataset.projects()).filteredOn(p -> !p.otherAxes().isEmpty()).hasSize(13);
    }

    @Test
    void shouldGiveNoAmountCupOrDateWhenTheSeedsPrintNone() {
        for (DemoDataset.DemoProject demo : dataset.projects()) {
            ProjectDetails details =
                    DemoDataLoader.details(demo).validate(LocalDate.of(2026, 12, 2), ProjectStatus.PROPOSED);
            assertThat(details.totalCost()).isNull();
            assertThat(details.funding()).isNull();
            assertThat(details.cup()).isNull();
            assertThat(details.startDate()).isNull();
        }
        assertThat(dataset.projects())
                .filteredOn(p -> p.referenceId().equals("PATTO2007-020"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.description())
                            .contains("plafond di 100 milioni di euro")
                            .contains("non il costo del progetto");
                    assertThat(p.printedAmounts()).isTrue();
                });
    }

    @Test
    void shouldNameTheRegistryDemoOrganisationsAsPartnersByExternalId() {
        DemoDataset.DemoProject fanghi = project("prj-demo-le2c-fanghi");

        assertThat(fanghi.partners())
                .extracting(DemoDataset.DemoPartner::externalId)
                .containsExactly(
                        "demo:org:ORG-061",
                        "demo:org:ORG-062",
                        "demo:org:ORG-045",
                        "demo:org:ORG-063",
                        "demo:org:ORG-064",
                        "demo:org:ORG-065");
        assertThat(fanghi.partners())
                .filteredOn(p -> p.role().equals("LEAD"))
                .extracting(DemoDataset.DemoPartner::legalName)
                .containsExactly("A2A Ambiente");
        assertThat(fanghi.callId()).isEqualTo("call-demo-rl-hub-ri");
        assertThat(project("prj-demo-patto2007-130").partners())
                .extracting(DemoDataset.DemoPartner::externalId)
                .containsExactly("demo:org:ORG-031");
    }

    @Test
    void shouldLoadEveryCallOfTheSeedsWithoutInventedDatesAndWithAnHonestStatus() {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        Map<String, CallDetails> calls = dataset.calls().stream()
                .collect(Collectors.toMap(DemoDataset.DemoCall::referenceId, c -> DemoDataLoader.details(c)
                        .validate()));

        assertThat(calls).hasSize(14);
        assertThat(calls.values()).allSatisfy(c -> assertThat(c.budget()).isNull());
        assertThat(calls.values()).filteredOn(CallDetails::datesKnown).hasSize(1);
        CallDetails cluster = calls.get("CALL-RL-CLUSTER-2026");
        assertThat(cluster.deadline()).isEqualTo(Instant.parse("2026-03-05T22:59:59Z"));
        assertThat(cluster.statusAt(Instant.parse("2026-03-05T22:59:58Z"))).isEqualTo(CallStatus.OPEN);
        assertThat(cluster.statusAt(Instant.parse("2026-03-05T23:00:00Z"))).isEqualTo(CallStatus.CLOSED);
        Map<String, CallStatus> statuses = calls.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().statusAt(now)));
        assertThat(statuses)
                .containsEntry("CALL-RL-HUB-RI", CallStatus.CLOSED)
                .containsEntry("CALL-TECHFAST-2021", CallStatus.CLOSED)
                .containsEntry("CALL-RL-DRIADE-2009", CallStatus.CLOSED)
                .containsEntry("CALL-HE-CL6-FARM2FORK-01-03", CallStatus.UNKNOWN)
                .containsEntry("CALL-PATTO-VOUCHER", CallStatus.UNKNOWN)
                .doesNotContainValue(CallStatus.OPEN);
        assertThat(calls.values()).filteredOn(c -> !c.datesKnown()).allSatisfy(c -> {
            assertThat(c.statusBasis()).isIn(StatusBasis.REPORTED, StatusBasis.NONE);
            assertThat(c.reportedStatusNote()).isNotBlank();
        });
        assertThat(calls.get("CALL-TECHFAST-2021").issuer()).isNull();
    }

    @Test
    void shouldGenerateTheSameMarkedProgressEveryTimeAndNeverOnPrintedAmounts() {
        Map<String, SyntheticProgress.Plan> plan = SyntheticProgress.plan(dataset);
        Map<String, DemoDataset.DemoProject> byId =
                dataset.projects().stream().collect(Collectors.toMap(DemoDataset.DemoProject::id, Function.identity()));

        assertThat(SyntheticProgress.plan(DemoDataLoader.readDataset())).isEqualTo(plan);
        assertThat(plan).hasSize(14);
        assertThat(plan.keySet().stream().map(id -> byId.get(id).axis()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 7, 8);
        assertThat(plan.keySet()).allSatisfy(id -> {
            assertThat(byId.get(id).printedAmounts()).isFalse();
            assertThat(byId.get(id).programme()).isNull();
        });
        assertThat(plan.values()).allSatisfy(p -> {
            assertThat(p.milestones()).isNotEmpty().allMatch(Milestone::synthetic);
            assertThat(p.expenditures()).isNotEmpty().allMatch(Expenditure::synthetic);
            assertThat(p.expenditures())
                    .allSatisfy(e -> assertThat(e.date()).isBeforeOrEqualTo(SyntheticProgress.LAST_DATE));
            assertThat(p.milestones()).filteredOn(Milestone::isReached).allSatisfy(m -> assertThat(m.actualDate())
                    .isBeforeOrEqualTo(SyntheticProgress.LAST_DATE));
        });
        assertThat(plan.values().stream().flatMap(p -> p.milestones().stream()))
                .anyMatch(Milestone::isReached)
                .anyMatch(m -> !m.isReached());
    }

    @Test
    void shouldNamePartnersExactlyAsTheRegistryDemoDataDefinesThem() throws Exception {
        // the registry's demo dataset in the same repository (ADR 0013): partners must match its externalId and name
        JsonNode registry = JsonMapper.builder()
                .build()
                .readTree(Files.readString(Path.of("../registry-service/src/main/resources/demo/registry-demo.json")));
        Map<String, String> names = new TreeMap<>();
        registry.path("organisations")
                .forEach(o -> names.put(
                        o.path("details").path("externalId").asString(),
                        o.path("details").path("legalName").asString()));

        assertThat(dataset.projects().stream().flatMap(p -> p.partners().stream()))
                .hasSize(7)
                .allSatisfy(partner -> assertThat(names).containsEntry(partner.externalId(), partner.legalName()));
    }

    private DemoDataset.DemoProject project(String id) {
        return dataset.projects().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
