package it.osservatorio.projects.call;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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

/** The calls API against the in-process KRaft broker and the embedded MongoDB server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CallApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "projects_call_api_it");
    }

    @LocalServerPort
    int port;

    HttpTestClient http;
    String owner;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://localhost:" + port);
        owner = "regione-" + UUID.randomUUID();
    }

    private static String call(String opensAt, String deadline) {
        return """
                {"issuer":"Regione Lombardia","title":"Bando regionale rivolto ai Cluster lombardi",
                 "programme":"REGIONAL","ecosystems":["Manifattura avanzata"],"eligibleBeneficiaryTypes":["CLUSTER"],
                 "budget":1500000.00,"opensAt":%s,"deadline":%s,"link":"https://www.bandi.regione.lombardia.it/1"}""".formatted(opensAt == null ? "null" : "\"" + opensAt + "\"", "\"" + deadline + "\"");
    }

    @Test
    void shouldReadRomeLocalTimesAndPublishInstantsWhenCallIsPublished() {
        HttpResponse<String> created = http.post("/calls", call("2026-02-17T09:00", "2099-03-05T12:00"))
                .bearer(token(owner))
                .send();

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.path("id").asString();
        assertThat(body.path("opensAt").asString()).isEqualTo("2026-02-17T09:00:00+01:00");
        assertThat(body.path("deadline").asString()).isEqualTo("2099-03-05T12:00:00+01:00");
        assertThat(body.path("status").asString()).isEqualTo("OPEN");
        assertThat(body.path("budget").decimalValue()).isEqualByComparingTo("1500000.00");
        ReceivedEvent published = TopicReader.eventsFor(
                        LocalInfrastructure.kafkaBootstrapServers(),
                        Topics.CALLS,
                        id::equals,
                        1,
                        Duration.ofSeconds(30))
                .getFirst();
        assertThat(published.type()).isEqualTo(EventType.CALL_CHANGED);
        CallChanged state = published.payloadAs(CallChanged.class);
        assertThat(state.opensAt()).isEqualTo(Instant.parse("2026-02-17T08:00:00Z"));
        assertThat(state.deadline()).isEqualTo(Instant.parse("2099-03-05T11:00:00Z"));
        assertThat(state.ownerInstitutionId()).isEqualTo(owner);
    }

    @Test
    void shouldNameFieldsWhenDatesAreReversedOrMalformed() {
        HttpResponse<String> reversed = http.post("/calls", call("2026-03-05T12:00", "2026-02-17T09:00"))
                .bearer(token(owner))
                .send();
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(fields(reversed)).containsExactly("deadline");

        HttpResponse<String> malformed = http.post("/calls", call("17/02/2026", "2026-03-05"))
                .bearer(token(owner))
                .send();
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactlyInAnyOrder("opensAt", "deadline");
        assertThat(malformed.body()).contains("Europe/Rome");

        assertThat(JSON.readTree(http.get("/calls?owner=" + owner).send().body())
                        .path("items"))
                .isEmpty();
    }

    @Test
    void shouldGuardOwnershipAndVersionWhenCallIsUpdated() {
        HttpResponse<String> created = http.post("/calls", call(null, "2099-03-05T12:00"))
                .bearer(token(owner))
                .send();
        String id = JSON.readTree(created.body()).path("id").asString();

        assertThat(http.put("/calls/" + id, call(null, "2099-04-05T12:00"))
                        .bearer(token("another-institution"))
                        .send()
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.put("/calls/" + id, call(null, "2099-04-05T12:00"))
                        .bearer(token(owner))
                        .header("If-Match", "\"1\"")
                        .send()
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> stale = http.put("/calls/" + id, call(null, "2099-05-05T12:00"))
                .bearer(token(owner))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(http.get("/calls/" + id).send().body())
                        .path("deadline")
                        .asString())
                .isEqualTo("2099-04-05T12:00:00+02:00");
    }

    @Test
    void shouldFilterByStatusAndRefuseUnknownParameters() {
        String forthcoming = id(http.post("/calls", call("2099-01-10T09:00", "2099-03-05T12:00"))
                .bearer(token(owner))
                .send());
        String open = id(http.post("/calls", call("2026-01-10T09:00", "2099-03-05T12:00"))
                .bearer(token(owner))
                .send());

        assertThat(ids("/calls?owner=" + owner + "&status=FORTHCOMING")).containsExactly(forthcoming);
        assertThat(ids("/calls?owner=" + owner + "&status=open")).containsExactly(open);
        HttpResponse<String> unknown =
                http.get("/calls?deadlineBefore=2026-01-01").send();
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("deadlineBefore", "allowed: axis, cursor, ecosystem");
    }

    @Test
    void shouldShowHonestStatusFindAndExportButNeverNotifyWhenCallDatesAreNotKnown() {
        String closed = id(http.post("/calls", """
                        {"title":"Tech Fast 2021","programme":"OTHER","reportedStatus":"CLOSED",
                         "reportedStatusNote":"Ha finanziato il progetto RICORDO, in corso nel 2022"}""").bearer(token(owner)).send());
        String unknown = id(http.post("/calls", """
                        {"issuer":"European Commission","title":"Call Horizon Europe - Enhancing biosecurity",
                         "programme":"HORIZON_EUROPE","reportedStatusNote":"proposta in preparazione (2022)"}""").bearer(token(owner)).send());

        JsonNode read = JSON.readTree(http.get("/calls/" + closed).send().body());
        assertThat(read.path("status").asString()).isEqualTo("CLOSED");
        assertThat(read.path("statusBasis").asString()).isEqualTo("REPORTED");
        assertThat(read.path("issuer").isNull()).isTrue();
        assertThat(read.path("deadline").isNull()).isTrue();
        assertThat(JSON.readTree(http.get("/calls/" + unknown).send().body())
                        .path("status")
                        .asString())
                .isEqualTo("UNKNOWN");
        assertThat(ids("/calls?owner=" + owner + "&status=UNKNOWN")).containsExactly(unknown);
        assertThat(ids("/calls?owner=" + owner + "&status=OPEN")).isEmpty();
        assertThat(ids("/calls?owner=" + owner + "&q=ricordo")).containsExactly(closed);
        assertThat(ids("/calls?owner=" + owner + "&q=horizon%20biosecurity")).containsExactly(unknown);
        HttpResponse<String> export = http.get("/calls/export?owner=" + owner).send();
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
        assertThat(export.body().lines()).first().asString().startsWith("id;issuer;title;programme;axis;");
        assertThat(export.body()).contains(closed + ";;Tech Fast 2021;OTHER;;;;;;;;CLOSED;REPORTED;CLOSED;");
        assertThat(export.body()).contains(";UNKNOWN;NONE;;proposta in preparazione (2022);false");
        assertThat(http.get("/calls/export?format=xml").send().statusCode()).isEqualTo(400);

        HttpResponse<String> withDates =
                http.post("/calls", """
                        {"title":"Senza ente","programme":"OTHER","deadline":"2099-01-01T12:00",
                         "reportedStatus":"OPEN"}""").bearer(token(owner)).send();
        assertThat(withDates.statusCode()).isEqualTo(400);
        assertThat(fields(withDates)).containsExactlyInAnyOrder("issuer", "reportedStatus");
        List<ReceivedEvent> states = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.CALLS, closed::equals, 1, Duration.ofSeconds(30));
        CallChanged state = states.getFirst().payloadAs(CallChanged.class);
        assertThat(state.status()).isEqualTo(CallChanged.CallStatus.CLOSED);
        assertThat(state.statusBasis()).isEqualTo(CallChanged.StatusBasis.REPORTED);
        assertThat(state.reportedStatusNote()).contains("RICORDO");
    }

    @Test
    void shouldDescribeProjectsAndCallsWhenTheOpenApiDocumentIsRead() {
        HttpResponse<String> api = http.get("/v3/api-docs").send();

        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(api.body()).path("paths").propertyNames())
                .contains(
                        "/projects",
                        "/projects/{id}/status",
                        "/projects/totals",
                        "/projects/imports",
                        "/projects/export",
                        "/calls",
                        "/calls/{id}");
    }

    private List<String> ids(String path) {
        HttpResponse<String> response = http.get(path).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body())
                .path("items")
                .valueStream()
                .map(c -> c.path("id").asString())
                .toList();
    }

    private static String id(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    private static String token(String institution) {
        return TestIdentity.token(institution, "read", "write");
    }

    private static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body())
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
