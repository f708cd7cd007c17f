package it.osservatorio.registry.demo;

import static it.osservatorio.registry.demo.DemoEditFixture.anEditOf;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.registry.network.application.NetworkService;
import it.osservatorio.registry.network.domain.Network;
import it.osservatorio.registry.network.domain.NetworkKind;
import it.osservatorio.registry.organisation.application.OrganisationFilter;
import it.osservatorio.registry.organisation.application.OrganisationService;
import it.osservatorio.registry.organisation.application.OrganisationSort;
import it.osservatorio.registry.organisation.domain.Organisation;
import it.osservatorio.testing.LocalInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The loader against the real broker and the MongoDB wire-protocol server; it first ran when the context started. */
@SpringBootTest(properties = "osservatorio.demo.enabled=true")
class DemoDataIT {

    private static final DemoDataset DATASET = DemoDataLoader.readDataset();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "registry_demo_it");
    }

    @Autowired
    DemoDataLoader loader;

    @Autowired
    OrganisationService organisations;

    @Autowired
    NetworkService networks;

    @Test
    void shouldChangeNothingWhenTheLoaderRunsAgain() {
        Map<String, Long> organisationVersions = versions(allOrganisations());
        Map<String, Long> networkVersions = networkVersions();

        DemoLoadReport again = loader.load();

        assertThat(again.changedNothing()).as("%s", again).isTrue();
        assertThat(again.organisations())
                .isEqualTo(
                        new DemoLoadReport.Counts(0, 0, DATASET.organisations().size(), 0));
        assertThat(again.networks())
                .isEqualTo(new DemoLoadReport.Counts(0, 0, DATASET.networks().size(), 0));
        assertThat(again.membershipRows()).isEqualTo(DATASET.memberships().size());
        assertThat(again.membershipsWritten()).isZero();
        assertThat(versions(allOrganisations())).isEqualTo(organisationVersions);
        assertThat(networkVersions()).isEqualTo(networkVersions);
    }

    @Test
    void shouldHoldEveryDemoOrganisationAndNetworkWhenLoaded() {
        loader.load();
        List<Organisation> stored = allOrganisations();

        assertThat(stored).hasSize(DATASET.organisations().size());
        assertThat(stored)
                .extracting(o -> o.details().externalId())
                .containsExactlyInAnyOrderElementsOf(DATASET.organisations().stream()
                        .map(DemoDataset.DemoOrganisation::key)
                        .toList());
        assertThat(stored).filteredOn(o -> o.details().synthetic()).hasSize(879);
        assertThat(stored).allSatisfy(o -> assertThat(o.ownerInstitutionId())
                .isEqualTo(DemoDataLoader.DEMO_CALLER.institutionId()));
        assertThat(networks.list(NetworkKind.CLUSTER, null, 200))
                .extracting(n -> n.details().name())
                .containsExactlyInAnyOrderElementsOf(names(NetworkKind.CLUSTER));
        assertThat(networks.list(NetworkKind.FILIERA, null, 200))
                .extracting(n -> n.details().name())
                .containsExactlyInAnyOrderElementsOf(names(NetworkKind.FILIERA));
    }

    @Test
    void shouldRestoreOnlyTheChangedRecordsWhenSomeoneEditedDemoData() {
        Organisation edited = allOrganisations().stream()
                .filter(o -> o.details().externalId().equals("demo:synthetic:AFIL:impresa:017"))
                .findFirst()
                .orElseThrow();
        organisations.update(
                edited.id(),
                anEditOf(edited.details()).legalName("Renamed by hand").build(),
                OptionalLong.of(edited.version()),
                DemoDataLoader.DEMO_CALLER);
        Network afil = networks.list(NetworkKind.CLUSTER, null, 200).stream()
                .filter(n -> "AFIL".equals(n.details().acronym()))
                .findFirst()
                .orElseThrow();
        networks.update(
                NetworkKind.CLUSTER,
                afil.id(),
                anEditOf(afil.details()).website("www.example.org").build(),
                OptionalLong.of(afil.version()),
                DemoDataLoader.DEMO_CALLER);

        DemoLoadReport report = loader.load();

        assertThat(report.organisations().updated()).isEqualTo(1);
        assertThat(report.organisations().created()).isZero();
        assertThat(report.networks().updated()).isEqualTo(1);
        assertThat(organisations.get(edited.id()).details().legalName()).isEqualTo("Impresa sintetica AFIL 017");
        assertThat(organisations.get(edited.id()).version()).isEqualTo(edited.version() + 2);
        assertThat(networks.get(NetworkKind.CLUSTER, afil.id()).details().website())
                .isEqualTo("www.afil.it");
        assertThat(loader.load().changedNothing()).isTrue();
    }

    private List<Organisation> allOrganisations() {
        return organisations.export(OrganisationFilter.ANY, OrganisationSort.BY_ID);
    }

    private Map<String, Long> networkVersions() {
        List<Network> all = new ArrayList<>(networks.list(NetworkKind.CLUSTER, null, 200));
        all.addAll(networks.list(NetworkKind.FILIERA, null, 200));
        return all.stream().collect(Collectors.toMap(Network::id, Network::version));
    }

    private static Map<String, Long> versions(List<Organisation> organisations) {
        return organisations.stream().collect(Collectors.toMap(Organisation::id, Organisation::version));
    }

    private static List<String> names(NetworkKind kind) {
        return DATASET.networks().stream()
                .filter(network -> network.kind() == kind)
                .map(network -> network.details().name())
                .toList();
    }
}
