package it.osservatorio.projects.project;

import static it.osservatorio.projects.project.ProjectRequestFixture.aProjectRequest;
import static it.osservatorio.projects.project.ProjectRequestFixture.funding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.projects.ExpenditureCorrected;
import it.osservatorio.contracts.projects.ExpenditureRecorded;
import it.osservatorio.contracts.projects.MilestoneReached;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.projects.ProjectStatusChanged;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestEventProducer;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The projects API against the in-process KRaft broker and the embedded MongoDB server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "projects_api_it");
    }

    @LocalServerPort
    int port;

    HttpTestClient http;
    String owner;
    String lead;
    String partner;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://localhost:" + port);
        owner = "institution-" + UUID.randomUUID();
        lead = registered("Latteria Soresina");
        partner = registered("Università Cattolica del Sacro Cuore");
    }

    @Test
    void shouldPublishStateAndProgressFactsWithVersionsWhenProjectIsProposedSpentReachedAndCompleted() {
        HttpResponse<String> created = http.post(
                        "/projects",
                        aProjectRequest()
                                .with("status", "APPROVED")
                                .partner(lead, "LEAD", "60000")
                                .partner(partner, "PARTNER", "40000")
                                .milestone("M1", "2025-06-30", null)
                                .milestone("M2", "2099-06-30", null)
                                .json())
                .bearer(token(owner))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(created).path("partners").path(0).path("legalName").asString())
                .isEqualTo("Latteria Soresina");
        assertThat(json(created).path("lateMilestones").valueStream().map(JsonNode::asString))
                .containsExactly("M1");

        assertThat(post("/projects/" + id + "/status", "{\"status\":\"ONGOING\"}", "\"1\"")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> spent = post(
                "/projects/" + id + "/expenditures",
                "{\"date\":\"2025-03-31\",\"amount\":12500.50,\"category\":\"PERSONALE\"}",
                "\"2\"");
        assertThat(spent.statusCode()).as(spent.body()).isEqualTo(201);
        assertThat(json(spent).path("spent").decimalValue()).isEqualByComparingTo("12500.50");
        assertThat(json(spent).path("financialProgress").decimalValue()).isEqualByComparingTo("0.1250");
        JsonNode recorded = json(
                http.get(spent.headers().firstValue("Location").orElseThrow()).send());
        assertThat(recorded.path("amount").decimalValue()).isEqualByComparingTo("12500.50");
        assertThat(recorded.path("category").asString()).isEqualTo("PERSONALE");
        HttpResponse<String> reached =
                post("/projects/" + id + "/milestones/M1/reached", "{\"actualDate\":\"2025-07-15\"}", "\"3\"");
        assertThat(reached.statusCode()).as(reached.body()).isEqualTo(200);
        assertThat(json(reached).path("physicalProgress").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(post("/projects/" + id + "/status", "{\"status\":\"COMPLETED\"}", "\"4\"")
                        .statusCode())
                .isEqualTo(200);

        List<ReceivedEvent> states = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.PROJECTS, id::equals, 5, PATIENCE);
        assertThat(states).extracting(ReceivedEvent::aggregateVersion).containsExactly(1L, 2L, 3L, 4L, 5L);
        ProjectChanged last = states.getLast().payloadAs(ProjectChanged.class);
        assertThat(last.status()).isEqualTo(ProjectChanged.ProjectStatus.COMPLETED);
        assertThat(last.spent()).isEqualByComparingTo("12500.50");
        assertThat(last.funding().national()).isEqualByComparingTo("30000.00");
        assertThat(last.partners())
                .extracting(ProjectChanged.Partner::organisationId)
                .containsExactly(lead, partner);
        assertThat(last.milestones().getFirst().late()).isTrue();

        List<ReceivedEvent> progress = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.PROJECT_PROGRESS, id::equals, 5, PATIENCE);
        assertThat(progress)
                .extracting(ReceivedEvent::type)
                .containsExactly(
                        EventType.PROJECT_STATUS_CHANGED,
                        EventType.PROJECT_STATUS_CHANGED,
                        EventType.EXPENDITURE_RECORDED,
                        EventType.MILESTONE_REACHED,
                        EventType.PROJECT_STATUS_CHANGED);
        assertThat(progress).extracting(ReceivedEvent::aggregateVersion).containsExactly(1L, 2L, 3L, 4L, 5L);
        ProjectStatusChanged proposed = progress.getFirst().payloadAs(ProjectStatusChanged.class);
        assertThat(proposed.from()).isNull();
        assertThat(proposed.to()).isEqualTo(ProjectChanged.ProjectStatus.APPROVED);
        ExpenditureRecorded expenditure = progress.get(2).payloadAs(ExpenditureRecorded.class);
        assertThat(expenditure.amount()).isEqualByComparingTo("12500.50");
        assertThat(expenditure.axis()).isEqualTo(1);
        MilestoneReached milestone = progress.get(3).payloadAs(MilestoneReached.class);
        assertThat(milestone.late()).isTrue();
        assertThat(milestone.physicalProgress()).isEqualByComparingTo("0.5");
    }

    @Test
    void shouldAnswerClearProblemAndWriteNothingWhenInputBreaksARule() {
        HttpResponse<String> split = http.post(
                        "/projects",
                        aProjectRequest()
                                .money("100000.00", funding("50000", "30000", "10000", "0", "9999.99"))
                                .json())
                .bearer(token(owner))
                .send();
        assertThat(split.statusCode()).isEqualTo(400);
        assertThat(split.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(fields(split)).containsExactly("funding");
        assertThat(split.body()).contains("difference 0.01 EUR");

        HttpResponse<String> cupAndDates = http.post(
                        "/projects",
                        aProjectRequest()
                                .with("cup", "E11B2200004")
                                .with("startDate", "2026-01-01")
                                .with("endDate", "2025-01-01")
                                .json())
                .bearer(token(owner))
                .send();
        assertThat(cupAndDates.statusCode()).isEqualTo(400);
        assertThat(fields(cupAndDates)).containsExactlyInAnyOrder("cup", "endDate");

        HttpResponse<String> badType = http.post(
                        "/projects",
                        aProjectRequest().with("totalCost", "centomila").json())
                .bearer(token(owner))
                .send();
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(fields(badType)).containsExactly("totalCost");

        HttpResponse<String> unknown = http.post(
                        "/projects",
                        aProjectRequest()
                                .partner(lead, "LEAD", null)
                                .partner("org-not-registered", "PARTNER", null)
                                .json())
                .bearer(token(owner))
                .send();
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).path("detail").asString()).contains("org-not-registered");
        assertThat(fields(unknown)).containsExactly("partners[1].organisationId");

        JsonNode mine = json(http.get("/projects?owner=" + owner).send());
        assertThat(mine.path("items")).isEmpty();
    }

    @Test
    void shouldLinkProjectToItsCallWhenTheCallIsPublishedAndNameItWhenItIsNot() {
        HttpResponse<String> call =
                http.post("/calls", """
                        {"issuer":"Regione Lombardia","title":"Call Hub Ricerca e Innovazione","programme":"REGIONAL",
                         "deadline":"2099-03-05T12:00"}""").bearer(token(owner)).send();
        assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
        String callId = json(call).path("id").asString();

        String funded = create(aProjectRequest().with("callId", callId));
        HttpResponse<String> unknown = http.post(
                        "/projects",
                        aProjectRequest().with("callId", "call-never-published").json())
                .bearer(token(owner))
                .send();

        assertThat(ids("/projects?call=" + callId)).containsExactly(funded);
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(fields(unknown)).containsExactly("callId");
        assertThat(json(unknown).path("detail").asString()).contains("call-never-published");
    }

    @Test
    void shouldListAllowedStatusesWhenTransitionIsIllegal() {
        String id = create(aProjectRequest());

        HttpResponse<String> illegal = post("/projects/" + id + "/status", "{\"status\":\"COMPLETED\"}", null);

        assertThat(illegal.statusCode()).isEqualTo(409);
        JsonNode problem = json(illegal);
        assertThat(problem.path("allowed").valueStream().map(JsonNode::asString))
                .containsExactly("APPROVED", "WITHDRAWN");
        assertThat(problem.path("detail").asString()).contains("PROPOSED", "COMPLETED");
        assertThat(json(http.get("/projects/" + id).send()).path("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void shouldGuardOwnershipAndVersionWhenAnotherInstitutionOrAStaleVersionWrites() {
        String id = create(aProjectRequest());

        HttpResponse<String> foreign = http.put(
                        "/projects/" + id, aProjectRequest().json())
                .bearer(token("another-institution"))
                .send();
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains(owner);
        assertThat(http.post("/projects", aProjectRequest().json()).send().statusCode())
                .isEqualTo(401);

        HttpResponse<String> first = http.put(
                        "/projects/" + id,
                        aProjectRequest().with("title", "Nuovo titolo").json())
                .bearer(token(owner))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> stale = http.put(
                        "/projects/" + id, aProjectRequest().json())
                .bearer(token(owner))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(json(http.get("/projects/" + id).send()).path("title").asString())
                .isEqualTo("Nuovo titolo");
    }

    @Test
    void shouldAnswerConflictNamingTheHolderWhenCupIsTaken() {
        ProjectRequestFixture request = aProjectRequest();
        String id = create(request);

        HttpResponse<String> duplicate = http.post(
                        "/projects",
                        aProjectRequest().with("cup", request.cup()).json())
                .bearer(token(owner))
                .send();

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).path("detail").asString()).contains(request.cup(), id);
    }

    @Test
    void shouldFilterAndPageWhenSearchingAndNameAllowedFiltersWhenOneIsUnknown() {
        String pnrr = create(aProjectRequest()
                .with(
                        "programme",
                        java.util.Map.of("kind", "PNRR", "missione", "M4", "componente", "C2", "investimento", "1.5"))
                .with("axis", 3)
                .partner(lead, "LEAD", null));
        String small = create(aProjectRequest()
                .money("20000.00", funding("10000", "10000", "0", "0", "0"))
                .with("comuniIstat", List.of("019097")));
        String late = create(aProjectRequest().with("startDate", "2026-06-01"));

        assertThat(ids("/projects?owner=" + owner + "&programme=PNRR")).containsExactly(pnrr);
        assertThat(ids("/projects?owner=" + owner + "&axis=3")).containsExactly(pnrr);
        assertThat(ids("/projects?owner=" + owner + "&partner=" + lead)).containsExactly(pnrr);
        assertThat(ids("/projects?owner=" + owner + "&comune=019097")).containsExactly(small);
        assertThat(ids("/projects?owner=" + owner + "&maxTotalCost=50000")).containsExactly(small);
        assertThat(ids("/projects?owner=" + owner + "&minTotalCost=100000&startFrom=2026-01-01"))
                .containsExactly(late);
        assertThat(ids("/projects?owner=" + owner + "&status=PROPOSED")).containsExactly(pnrr, small, late);

        JsonNode first = json(http.get("/projects?owner=" + owner + "&limit=2").send());
        assertThat(first.path("items").valueStream().map(p -> p.path("id").asString()))
                .containsExactly(pnrr, small);
        JsonNode second = json(http.get("/projects?owner=" + owner + "&limit=2&cursor="
                        + first.path("nextCursor").asString())
                .send());
        assertThat(second.path("items").valueStream().map(p -> p.path("id").asString()))
                .containsExactly(late);
        assertThat(second.path("nextCursor").isNull()).isTrue();

        HttpResponse<String> unknown =
                http.get("/projects?region=Lombardia&axis=9").send();
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactlyInAnyOrder("region", "axis");
        assertThat(unknown.body())
                .contains("allowed: axis, call, comune, cup, cursor, ecosystem, endFrom, endTo, limit, maxTotalCost");
    }

    @Test
    void shouldSumProjectsAndFundingWhenTotallingPerAxisAndProgramme() {
        create(aProjectRequest().with("axis", 2));
        create(aProjectRequest().with("axis", 2).money("20000.00", funding("10000", "10000", "0", "0", "0")));
        create(aProjectRequest()
                .with("axis", null)
                .with("programme", java.util.Map.of("kind", "HORIZON_EUROPE"))
                .without("cup")
                .money(null, null));

        JsonNode byAxis =
                json(http.get("/projects/totals?by=axis&owner=" + owner).send());
        assertThat(byAxis.path("groups").valueStream().map(g -> g.path("key").asString()))
                .containsExactly("2", "none");
        JsonNode axis2 = byAxis.path("groups").path(0);
        assertThat(axis2.path("projects").asLong()).isEqualTo(2);
        assertThat(axis2.path("totalCost").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(axis2.path("eu").decimalValue()).isEqualByComparingTo("60000.00");
        assertThat(byAxis.path("overall").path("projects").asLong()).isEqualTo(3);
        assertThat(byAxis.path("overall").path("projectsWithCost").asLong()).isEqualTo(2);

        JsonNode byProgramme =
                json(http.get("/projects/totals?by=programme&owner=" + owner).send());
        assertThat(byProgramme.path("groups").valueStream().map(g -> g.path("key")
                        .asString()))
                .containsExactly("FESR", "HORIZON_EUROPE");
        assertThat(http.get("/projects/totals?by=comune").send().statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRecomputeProgressAndPublishFactsWhenAnExpenditureIsCorrectedAndAnotherCancelled() {
        String id = create(aProjectRequest().with("axis", 2).with("otherAxes", List.of(6)));
        JsonNode first = json(post(
                "/projects/" + id + "/expenditures",
                "{\"date\":\"2025-03-31\",\"amount\":30000.00,\"category\":\"PERSONALE\"}",
                "\"1\""));
        String wrong = first.path("expenditures").path(0).path("expenditureId").asString();
        JsonNode second = json(post(
                "/projects/" + id + "/expenditures",
                "{\"date\":\"2025-04-30\",\"amount\":5000.00,\"category\":\"SERVIZI\"}",
                "\"2\""));
        String duplicate =
                second.path("expenditures").path(1).path("expenditureId").asString();

        HttpResponse<String> corrected = post(
                "/projects/" + id + "/expenditures/" + wrong + "/correction",
                "{\"date\":\"2025-03-31\",\"amount\":27500.00,\"category\":\"PERSONALE\",\"note\":\"IVA\"}",
                "\"3\"");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(json(corrected).path("spent").decimalValue()).isEqualByComparingTo("32500.00");
        assertThat(json(corrected).path("financialProgress").decimalValue()).isEqualByComparingTo("0.3250");
        assertThat(json(corrected)
                        .path("expenditures")
                        .path(0)
                        .path("superseded")
                        .asBoolean())
                .isTrue();
        HttpResponse<String> cancelled = post(
                "/projects/" + id + "/expenditures/" + duplicate + "/cancellation", "{\"note\":\"doppia\"}", "\"4\"");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(201);
        assertThat(json(cancelled).path("spent").decimalValue()).isEqualByComparingTo("27500.00");
        HttpResponse<String> again = post(
                "/projects/" + id + "/expenditures/" + wrong + "/correction",
                "{\"date\":\"2025-03-31\",\"amount\":1.00,\"category\":\"PERSONALE\"}",
                "\"5\"");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json(again).path("correctInstead").asString())
                .isEqualTo(json(corrected)
                        .path("expenditures")
                        .path(2)
                        .path("expenditureId")
                        .asString());
        assertThat(json(http.get("/projects/" + id).send()).path("version").asLong())
                .isEqualTo(5);

        List<ReceivedEvent> progress = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.PROJECT_PROGRESS, id::equals, 5, PATIENCE);
        assertThat(progress)
                .extracting(ReceivedEvent::type)
                .containsExactly(
                        EventType.PROJECT_STATUS_CHANGED,
                        EventType.EXPENDITURE_RECORDED,
                        EventType.EXPENDITURE_RECORDED,
                        EventType.EXPENDITURE_CORRECTED,
                        EventType.EXPENDITURE_CORRECTED);
        ExpenditureCorrected correction = progress.get(3).payloadAs(ExpenditureCorrected.class);
        assertThat(correction.correctedExpenditureId()).isEqualTo(wrong);
        assertThat(correction.delta()).isEqualByComparingTo("-2500.00");
        assertThat(correction.spent()).isEqualByComparingTo("32500.00");
        assertThat(correction.axes()).containsExactly(2, 6);
        ExpenditureCorrected cancellation = progress.get(4).payloadAs(ExpenditureCorrected.class);
        assertThat(cancellation.cancelled()).isTrue();
        assertThat(cancellation.amount()).isEqualByComparingTo("0");
        assertThat(cancellation.delta()).isEqualByComparingTo("-5000.00");
        List<ReceivedEvent> states = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.PROJECTS, id::equals, 5, PATIENCE);
        ProjectChanged last = states.getLast().payloadAs(ProjectChanged.class);
        assertThat(last.spent()).isEqualByComparingTo("27500.00");
        assertThat(last.expenditures())
                .extracting(ProjectChanged.Expenditure::kind, ProjectChanged.Expenditure::superseded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ProjectChanged.ExpenditureKind.RECORDED, true),
                        org.assertj.core.groups.Tuple.tuple(ProjectChanged.ExpenditureKind.RECORDED, true),
                        org.assertj.core.groups.Tuple.tuple(ProjectChanged.ExpenditureKind.CORRECTION, false),
                        org.assertj.core.groups.Tuple.tuple(ProjectChanged.ExpenditureKind.CANCELLATION, false));
    }

    @Test
    void shouldFindAndCountAProjectUnderEachOfItsAxesWhenItBelongsToTwo() {
        String both = create(aProjectRequest().with("axis", 2).with("otherAxes", List.of(6)));
        String six = create(aProjectRequest().with("axis", 6));

        assertThat(ids("/projects?owner=" + owner + "&axis=6")).containsExactlyInAnyOrder(both, six);
        assertThat(ids("/projects?owner=" + owner + "&axis=2")).containsExactly(both);
        JsonNode read = json(http.get("/projects/" + both).send());
        assertThat(read.path("axes").valueStream().map(JsonNode::asInt)).containsExactly(2, 6);
        JsonNode byAxis =
                json(http.get("/projects/totals?by=axis&owner=" + owner).send());
        assertThat(byAxis.path("groups")
                        .valueStream()
                        .map(g -> g.path("key").asString() + "="
                                + g.path("projects").asLong()))
                .containsExactly("2=1", "6=2");
        assertThat(byAxis.path("overall").path("projects").asLong()).isEqualTo(2);
        String csv =
                http.get("/projects/export?owner=" + owner + "&axis=2").send().body();
        assertThat(csv).contains(";2|6;");
    }

    @Test
    void shouldPublishTombstoneWhenProjectIsDeleted() {
        String id = create(aProjectRequest());

        assertThat(http.delete("/projects/" + id).bearer(token(owner)).send().statusCode())
                .isEqualTo(204);

        assertThat(http.get("/projects/" + id).send().statusCode()).isEqualTo(404);
        List<ReceivedEvent> events = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.PROJECTS, id::equals, 2, PATIENCE);
        assertThat(events)
                .extracting(ReceivedEvent::type)
                .containsExactly(EventType.PROJECT_CHANGED, EventType.PROJECT_DELETED);
        assertThat(events.getLast().aggregateVersion()).isEqualTo(2);
    }

    private String registered(String legalName) {
        String id = "org-" + UUID.randomUUID();
        try (TestEventProducer registry =
                new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service")) {
            registry.publish(EventFixture.organisationChanged()
                    .organisationId(id)
                    .legalName(legalName)
                    .build());
        }
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/organisations/" + id).send().statusCode() == 200);
        return id;
    }

    private String create(ProjectRequestFixture request) {
        HttpResponse<String> created =
                http.post("/projects", request.json()).bearer(token(owner)).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private HttpResponse<String> post(String path, String body, String ifMatch) {
        HttpTestClient.Call call = http.post(path, body).bearer(token(owner));
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }

    private List<String> ids(String path) {
        HttpResponse<String> response = http.get(path).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response)
                .path("items")
                .valueStream()
                .map(p -> p.path("id").asString())
                .toList();
    }

    private static String token(String institution) {
        return TestIdentity.token(institution, "read", "write");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        json(response).path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
