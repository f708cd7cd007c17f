package it.osservatorio.projects.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.projects.call.domain.CallStatus;
import it.osservatorio.projects.project.domain.ProjectDetails;
import it.osservatorio.projects.project.domain.ProjectStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDatasetTest {

    private final DemoDataset dataset = DemoDataLoader.readDataset();

    @Test
    void shouldHoldEveryPactProjectPerAxisAsTheReferenceDataCountsThemWithoutContextMentions() {
        Map<Integer, Long> perAxis = dataset.projects().stream()
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
        assertThat(dataset.projects()).hasSize(168);
        assertThat(dataset.projects()).extracting(DemoDataset.DemoProject::id).doesNotHaveDuplicates();
        assertThat(dataset.projects()).allSatisfy(p -> assertThat(p.source()).startsWith("001_"));
    }

    @Test
    void shouldGiveNoAmountCupOrPartnerWhenTheSeedsPrintNone() {
        for (DemoDataset.DemoProject demo : dataset.projects()) {
            ProjectDetails details =
                    DemoDataLoader.details(demo).validate(LocalDate.of(2026, 12, 2), ProjectStatus.PROPOSED);
            assertThat(details.totalCost()).isNull();
            assertThat(details.funding()).isNull();
            assertThat(details.cup()).isNull();
            assertThat(details.partners()).isEmpty();
        }
        assertThat(dataset.projects())
                .filteredOn(p -> p.referenceId().equals("PATTO2007-020"))
                .singleElement()
                .satisfies(p -> assertThat(p.description())
                        .contains("plafond di 100 milioni di euro")
                        .contains("non il costo del progetto"));
    }

    @Test
    void shouldCloseTheRegionalClusterCallAtTheEndOfItsPrintedDeadlineInRomeTime() {
        DemoDataset.DemoCall call = dataset.calls().getFirst();

        var details = DemoDataLoader.details(call).validate();

        assertThat(details.deadline()).isEqualTo(Instant.parse("2026-03-05T22:59:59Z"));
        assertThat(details.statusAt(Instant.parse("2026-03-05T22:59:58Z"))).isEqualTo(CallStatus.OPEN);
        assertThat(details.statusAt(Instant.parse("2026-03-05T23:00:00Z"))).isEqualTo(CallStatus.CLOSED);
        assertThat(details.budget()).isNull();
        assertThat(dataset.calls()).hasSize(1);
    }
}
