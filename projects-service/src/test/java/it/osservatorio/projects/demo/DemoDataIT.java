package it.osservatorio.projects.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.projects.ExpenditureRecorded;
import it.osservatorio.contracts.projects.MilestoneReached;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestEventProducer;
import it.osservatorio.testing.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo data loaded at start against the real broker: the registry's organisations arrive in the replica only
 * after the load (as when both services start together), and the partners are linked by the retry.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "osservatorio.demo.enabled=true",
            "osservatorio.demo.partners.retry-interval=PT0.2S",
            // a group of its own, so that this context reads every partition whatever other contexts run
            "spring.cloud.stream.bindings.organisationReplica-in-0.group=projects-demo-it"
        })
class DemoDataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String FANGHI = "prj-demo-le2c-fanghi";

    /** The registry's demo organisations as its demo data defines them: registry id, externalId, legal name. */
    private static final List<List<String>> REGISTRY = List.of(
            List.of("org-demo-a2a", "demo:org:ORG-061", "A2A Ambiente"),
            List.of("org-demo-brianzacque", "demo:org:ORG-062", "Brianzacque S.r.l."),
            List.of(
                    "org-demo-mario-negri",
                    "demo:org:ORG-045",
                    "Istituto di Ricerche Farmacologiche Mario Negri IRCCS"),
            List.of("org-demo-lariana", "demo:org:ORG-063", "Lariana Depur S.p.A."),
            List.of("org-demo-mm", "demo:org:ORG-064", "MM S.p.A"),
            List.of("org-demo-tecora", "demo:org:ORG-065", "TCR Tecora S.r.l."),
            // found by its legal name: this copy carries another externalId
            List.of("org-demo-polimi", "polimi-anagrafe-001", "Politecnico di Milano"));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "projects_demo_it");
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoDataLoader loader;

    @Test
    void shouldLoadEverythingOnceLinkPartnersWhenTheReplicaFillsAndChangeNothingWhenLoadedAgain() {
        HttpTestClient http = new HttpTestClient("http://localhost:" + port);
        assertThat(json(http, "/projects/" + FANGHI).path("partners")).isEmpty();

        try (TestEventProducer registry =
                new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service")) {
            for (List<String> organisation : REGISTRY) {
                registry.publish(EventFixture.organisationChanged()
                        .organisationId(organisation.get(0))
                        .externalId(organisation.get(1))
                        .legalName(organisation.get(2))
                        .ownerInstitutionId("osservatorio-demo")
                        .build());
            }
        }
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> json(http, "/projects/" + FANGHI).path("partners").size() == 6
                        && json(http, "/projects/prj-demo-patto2007-130")
                                        .path("partners")
                                        .size()
                                == 1);
        JsonNode fanghi = json(http, "/projects/" + FANGHI);
        assertThat(fanghi.path("partners").path(0).path("organisationId").asString())
                .isEqualTo("org-demo-a2a");
        assertThat(fanghi.path("partners").path(0).path("legalName").asString()).isEqualTo("A2A Ambiente");
        assertThat(fanghi.path("partners").path(0).path("role").asString()).isEqualTo("LEAD");
        assertThat(fanghi.path("callId").asString()).isEqualTo("call-demo-rl-hub-ri");
        assertThat(json(http, "/projects/prj-demo-patto2007-130")
                        .path("partners")
                        .path(0)
                        .path("organisationId")
                        .asString())
                .isEqualTo("org-demo-polimi");
        assertThat(json(http, "/projects?partner=org-demo-mm")
                        .path("items")
                        .path(0)
                        .path("id")
                        .asString())
                .isEqualTo(FANGHI);

        DemoDataLoader.Report again = loader.load();

        assertThat(again.projects()).isEqualTo(new DemoDataLoader.Loaded(0, 0, 169));
        assertThat(again.calls()).isEqualTo(new DemoDataLoader.Loaded(0, 0, 14));
        assertThat(again.syntheticExpenditures()).isZero();
        assertThat(again.waitingForPartners()).isEmpty();

        JsonNode totals = json(http, "/projects/totals?by=axis&owner=osservatorio-demo");
        assertThat(totals.path("overall").path("projects").asLong()).isEqualTo(169);
        assertThat(totals.path("overall").path("projectsWithCost").asLong()).isZero();
        assertThat(totals.path("groups")
                        .valueStream()
                        .map(g -> g.path("key").asString() + "="
                                + g.path("projects").asLong())
                        .toList())
                .containsExactly("1=15", "2=13", "3=43", "4=9", "5=40", "6=13", "7=27", "8=21", "none=1");
        assertThat(totals.path("overall").path("spent").decimalValue()).isPositive();
        // every amount spent in the demo is generated, and the totals say so
        assertThat(totals.path("overall").path("syntheticSpent").decimalValue())
                .isEqualByComparingTo(totals.path("overall").path("spent").decimalValue());
        JsonNode sistemaLatte = json(http, "/projects/prj-demo-patto2007-001");
        assertThat(sistemaLatte.path("title").asString()).isEqualTo("Sistema latte");
        assertThat(sistemaLatte.path("programme").path("kind").asString()).isEqualTo("CREMONA_PACT");
        assertThat(sistemaLatte.path("totalCost").isNull()).isTrue();
    }

    @Test
    void shouldLoadEveryCallOfTheSeedsWithAnHonestStatusAndPublishNoNotice() {
        HttpTestClient http = new HttpTestClient("http://localhost:" + port);

        JsonNode calls = json(http, "/calls?owner=osservatorio-demo&limit=50");

        assertThat(calls.path("items")).hasSize(14);
        Map<String, String> statuses = new java.util.TreeMap<>();
        calls.path("items")
                .forEach(c -> statuses.put(
                        c.path("id").asString(),
                        c.path("status").asString() + "/"
                                + c.path("statusBasis").asString()));
        assertThat(statuses)
                .containsEntry("call-demo-rl-cluster-2026", "CLOSED/DATES")
                .containsEntry("call-demo-rl-hub-ri", "CLOSED/REPORTED")
                .containsEntry("call-demo-he-cl6-communities-01-02", "UNKNOWN/NONE")
                .containsEntry("call-demo-patto-energia-imprese", "UNKNOWN/NONE");
        JsonNode cluster = json(http, "/calls/call-demo-rl-cluster-2026");
        assertThat(cluster.path("deadline").asString()).isEqualTo("2026-03-05T23:59:59+01:00");
        assertThat(json(http, "/calls?q=driade")
                        .path("items")
                        .path(0)
                        .path("id")
                        .asString())
                .isEqualTo("call-demo-rl-driade-2009");
        String csv = http.get("/calls/export?owner=osservatorio-demo").send().body();
        assertThat(csv.lines()).hasSize(15);
        assertThat(TopicReader.eventsFor(
                        LocalInfrastructure.kafkaBootstrapServers(),
                        Topics.CALL_NOTICES,
                        id -> id.startsWith("call-demo-"),
                        0,
                        Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void shouldPublishSyntheticProgressMarkedAsSuchWhenTheDemoIsLoaded() {
        Map.Entry<String, SyntheticProgress.Plan> planned = SyntheticProgress.plan(DemoDataLoader.readDataset())
                .entrySet()
                .iterator()
                .next();
        String id = planned.getKey();
        long reached = planned.getValue().milestones().stream()
                .filter(m -> m.isReached())
                .count();
        int facts = 1 + (int) reached + planned.getValue().expenditures().size();
        HttpTestClient http = new HttpTestClient("http://localhost:" + port);

        JsonNode project = json(http, "/projects/" + id);

        assertThat(project.path("milestones").valueStream().map(m -> m.path("synthetic")
                        .asBoolean()))
                .containsOnly(true);
        assertThat(project.path("expenditures").valueStream().map(e -> e.path("synthetic")
                        .asBoolean()))
                .containsOnly(true)
                .hasSize(planned.getValue().expenditures().size());
        assertThat(project.path("synthetic").asBoolean()).isFalse();
        assertThat(project.path("totalCost").isNull()).isTrue();
        assertThat(project.path("spent").decimalValue()).isPositive();
        List<ReceivedEvent> progress = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.PROJECT_PROGRESS, id::equals, facts, PATIENCE);
        assertThat(progress)
                .filteredOn(e -> e.type() == EventType.MILESTONE_REACHED)
                .hasSize((int) reached)
                .allSatisfy(e -> assertThat(e.payloadAs(MilestoneReached.class).synthetic())
                        .isTrue());
        assertThat(progress)
                .filteredOn(e -> e.type() == EventType.EXPENDITURE_RECORDED)
                .hasSize(planned.getValue().expenditures().size())
                .allSatisfy(
                        e -> assertThat(e.payloadAs(ExpenditureRecorded.class).synthetic())
                                .isTrue());
        List<ReceivedEvent> states = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.PROJECTS, id::equals, facts, PATIENCE);
        assertThat(states.getLast().payloadAs(ProjectChanged.class).milestones())
                .allMatch(ProjectChanged.Milestone::synthetic);
    }

    private static JsonNode json(HttpTestClient http, String path) {
        return JSON.readTree(http.get(path).send().body());
    }
}
