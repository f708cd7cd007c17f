package it.osservatorio.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.registry.demo.DemoDataset.DemoMembership;
import it.osservatorio.registry.demo.DemoDataset.DemoNetwork;
import it.osservatorio.registry.demo.DemoDataset.DemoOrganisation;
import it.osservatorio.registry.demo.DemoDataset.TypeCounts;
import it.osservatorio.registry.membership.domain.MembershipRole;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.domain.OrganisationDetails;
import it.osservatorio.registry.organisation.domain.OrganisationType;
import it.osservatorio.registry.organisation.domain.PartitaIva;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoDatasetTest {

    /** As printed in 003 and transcribed in clusters.json: total, imprese, organismi di ricerca, altri enti. */
    private static final Map<String, TypeCounts> PUBLISHED_CLUSTERS = Map.of(
            "demo:cluster:AFIL", new TypeCounts(116, 14, 14),
            "demo:cluster:AGRIFOOD", new TypeCounts(4, 4, 6),
            "demo:cluster:CLM", new TypeCounts(70, 4, 9),
            "demo:cluster:CLSV", new TypeCounts(61, 38, 11),
            "demo:cluster:TAV", new TypeCounts(19, 12, 8),
            "demo:cluster:SCC", new TypeCounts(52, 8, 12),
            "demo:cluster:LAC", new TypeCounts(91, 6, 2),
            "demo:cluster:LE2C", new TypeCounts(109, 12, 23),
            "demo:cluster:LGCA", new TypeCounts(33, 11, 6));

    /** As printed in 000 and transcribed in filiere.json. */
    private static final Map<String, Integer> PUBLISHED_FILIERE = Map.of(
            "demo:filiera:FIL-GOLDENAGE", 15,
            "demo:filiera:FIL-COSMETICA", 36,
            "demo:filiera:FIL-AGROZOOTECNICA", 21,
            "demo:filiera:FIL-MUSICA", 14,
            "demo:filiera:FIL-ARTEORGANARIA", 23,
            "demo:filiera:FIL-METALMECCANICA", 27);

    private static DemoDataset dataset;
    private static Map<String, DemoOrganisation> organisations;

    @BeforeAll
    static void load() {
        dataset = DemoDataLoader.readDataset();
        organisations =
                dataset.organisations().stream().collect(Collectors.toMap(DemoOrganisation::key, Function.identity()));
    }

    @Test
    void shouldEqualTheGeneratorsOutputWhenTheResourceIsRegenerated() throws IOException {
        String generated = DemoDataGenerator.toJson(DemoDataGenerator.generate());
        Path resource = Path.of("src/main/resources", DemoDataset.RESOURCE);
        if (Boolean.getBoolean("demo.regenerate")) {
            Files.writeString(resource, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(resource, StandardCharsets.UTF_8).replace("\r\n", "\n"))
                .as("%s is out of date: regenerate it with -Ddemo.regenerate=true", resource)
                .isEqualTo(generated);
        assertThat(DemoDataGenerator.toJson(DemoDataGenerator.generate())).isEqualTo(generated);
    }

    @Test
    void shouldReproduceEveryPublishedClusterSplitWhenMembersAreCountedByType() {
        for (Map.Entry<String, TypeCounts> published : PUBLISHED_CLUSTERS.entrySet()) {
            assertThat(countByType(published.getKey())).as(published.getKey()).isEqualTo(published.getValue());
            assertThat(network(published.getKey()).publishedByType()).isEqualTo(published.getValue());
        }
    }

    @Test
    void shouldTotal755MembersSplit555And109And91WhenTheNineClustersAreSummed() {
        TypeCounts total = PUBLISHED_CLUSTERS.keySet().stream()
                .map(DemoDatasetTest::countByType)
                .reduce(
                        new TypeCounts(0, 0, 0),
                        (a, b) -> new TypeCounts(
                                a.imprese() + b.imprese(),
                                a.organismiDiRicerca() + b.organismiDiRicerca(),
                                a.altriEnti() + b.altriEnti()));

        assertThat(total).isEqualTo(new TypeCounts(555, 109, 91));
        assertThat(total.total()).isEqualTo(755);
    }

    @Test
    void shouldReproduceEveryFilieraActorCountWhenActorsAreCounted() {
        for (Map.Entry<String, Integer> published : PUBLISHED_FILIERE.entrySet()) {
            assertThat(membersOf(published.getKey())).as(published.getKey()).hasSize(published.getValue());
            assertThat(network(published.getKey()).publishedMembers()).isEqualTo(published.getValue());
            assertThat(membersOf(published.getKey()))
                    .filteredOn(m -> m.role() == MembershipRole.LEAD)
                    .hasSize(1);
        }
        assertThat(PUBLISHED_FILIERE.keySet().stream()
                        .mapToInt(key -> membersOf(key).size())
                        .sum())
                .isEqualTo(136);
    }

    @Test
    void shouldHoldTenClustersAndSixFiliereWhenNetworksAreListed() {
        assertThat(dataset.networks())
                .filteredOn(n -> n.kind() == NetworkKind.CLUSTER)
                .hasSize(10);
        assertThat(dataset.networks())
                .filteredOn(n -> n.kind() == NetworkKind.FILIERA)
                .hasSize(6);
        assertThat(dataset.networks())
                .extracting(n -> n.details().acronym())
                .filteredOn(Objects::nonNull)
                .containsExactlyInAnyOrder("AFIL", "CLM", "TAV", "SCC", "LAC", "LE2C", "LGCA");
        dataset.networks().forEach(n -> n.details().validate(n.kind()));
    }

    @Test
    void shouldGiveTheCosmeticsClusterItsSevenFoundersWhenItIsFounded() {
        DemoNetwork cosmetics = network("demo:cluster:SISTEMA-COSMETICO");
        assertThat(cosmetics.details().foundingYear()).isEqualTo(2026);
        assertThat(membersOf(cosmetics.key()))
                .allSatisfy(m -> {
                    assertThat(m.role()).isEqualTo(MembershipRole.FOUNDER);
                    assertThat(m.validFrom()).isEqualTo(LocalDate.of(2026, 2, 17));
                })
                .extracting(m -> organisations.get(m.organisation()).details().legalName())
                .containsExactlyInAnyOrder(
                        "REI Reindustria Innovazione",
                        "Politecnico di Milano",
                        "Università degli Studi di Milano",
                        "Università degli Studi di Milano-Bicocca",
                        "Ancorotti Cosmetics",
                        "Regi",
                        "Lumson");
    }

    @Test
    void shouldHaveValidAndUniquePartiteIvaWhenOrganisationsHaveOne() {
        List<String> vats = dataset.organisations().stream()
                .map(o -> o.details().partitaIva())
                .filter(Objects::nonNull)
                .toList();

        assertThat(vats).hasSize((int) dataset.organisations().stream()
                .filter(o -> o.details().synthetic())
                .count());
        assertThat(vats).doesNotHaveDuplicates();
        assertThat(vats).allSatisfy(vat -> {
            assertThat(PartitaIva.problem(vat)).as(vat).isEmpty();
            assertThat(vat.substring(7, 10)).as("office code of %s", vat).isEqualTo("700");
        });
        dataset.organisations().forEach(o -> o.details().validate());
    }

    @Test
    void shouldFlagEverySyntheticRecordWhenItIsNotNamedInTheSources() {
        assertThat(dataset.organisations()).allSatisfy(o -> {
            OrganisationDetails details = o.details();
            assertThat(details.externalId()).startsWith(DemoDataset.KEY_PREFIX);
            if (o.reference() == null) {
                assertThat(details.synthetic()).as(details.legalName()).isTrue();
                assertThat(details.legalName()).containsIgnoringCase("sintetic");
                assertThat(details.externalId()).startsWith("demo:synthetic:");
            } else {
                assertThat(details.synthetic()).isFalse();
                assertThat(details.partitaIva())
                        .as("no invented VAT for %s", details.legalName())
                        .isNull();
                assertThat(details.codiceFiscale()).isNull();
                assertThat(details.externalId()).isEqualTo("demo:org:" + o.reference());
            }
        });
        assertThat(dataset.organisations()).extracting(DemoOrganisation::key).doesNotHaveDuplicates();
    }

    @Test
    void shouldPointAtExistingRecordsWhenMembershipsAreListed() {
        Set<String> networks = dataset.networks().stream().map(DemoNetwork::key).collect(Collectors.toSet());
        Set<String> pairs = new HashSet<>();
        assertThat(dataset.memberships()).allSatisfy(m -> {
            assertThat(organisations).containsKey(m.organisation());
            assertThat(networks).contains(m.network());
            assertThat(pairs.add(m.organisation() + " " + m.network()))
                    .as("one row per pair")
                    .isTrue();
            assertThat(m.validFrom()).isNotNull();
        });
        assertThat(dataset.memberships())
                .filteredOn(m ->
                        m.network().startsWith("demo:cluster:") && !m.network().endsWith("COSMETICO"))
                .allSatisfy(m -> {
                    assertThat(m.role()).isEqualTo(MembershipRole.ASSOCIATE);
                    assertThat(m.validFrom()).isBeforeOrEqualTo(LocalDate.of(2022, 12, 31));
                });
    }

    private static TypeCounts countByType(String networkKey) {
        Map<OrganisationType, Long> byType = membersOf(networkKey).stream()
                .collect(Collectors.groupingBy(
                        m -> organisations.get(m.organisation()).details().type(), Collectors.counting()));
        return new TypeCounts(
                byType.getOrDefault(OrganisationType.IMPRESA, 0L).intValue(),
                byType.getOrDefault(OrganisationType.ORGANISMO_DI_RICERCA, 0L).intValue(),
                byType.getOrDefault(OrganisationType.ALTRO_ENTE, 0L).intValue());
    }

    private static List<DemoMembership> membersOf(String networkKey) {
        return dataset.memberships().stream()
                .filter(m -> m.network().equals(networkKey))
                .toList();
    }

    private static DemoNetwork network(String key) {
        return dataset.networks().stream()
                .filter(n -> n.key().equals(key))
                .findFirst()
                .orElseThrow();
    }
}
