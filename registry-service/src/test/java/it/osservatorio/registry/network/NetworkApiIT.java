package it.osservatorio.registry.network;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NetworkApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REGIONE = "regione-lombardia";
    private static final String CAMERA = "camera-commercio-cremona";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "registry_api_it");
    }

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient("http://localhost:" + port);
    }

    @Test
    void shouldPublishWholeStateWithVersionsWhenClusterIsCreatedUpdatedAndDeleted() {
        String acronym = uniqueAcronym();
        HttpResponse<String> created = http.post(
                        "/clusters", cluster(acronym, "Associazione Fabbrica Intelligente Lombardia"))
                .bearer(token(REGIONE))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(id).startsWith("cluster-");
        assertThat(created.headers().firstValue("Location")).hasValue("/clusters/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> read = http.get("/clusters/" + id).send();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(read).path("acronym").asString()).isEqualTo(acronym);
        assertThat(json(read).path("kind").asString()).isEqualTo("CLUSTER");

        HttpResponse<String> updated = http.put("/clusters/" + id, cluster(acronym, "AFIL - Fabbrica Intelligente"))
                .bearer(token(REGIONE))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).hasValue("\"2\"");

        assertThat(http.delete("/clusters/" + id)
                        .bearer(token(REGIONE))
                        .header("If-Match", "\"2\"")
                        .send()
                        .statusCode())
                .isEqualTo(204);
        assertThat(http.get("/clusters/" + id).send().statusCode()).isEqualTo(404);

        List<ReceivedEvent> events = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.NETWORKS, id::equals, 3, Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::subject).containsOnly(id);
        assertThat(events).extracting(ReceivedEvent::aggregateVersion).containsExactly(1L, 2L, 3L);
        assertThat(events)
                .extracting(ReceivedEvent::type)
                .containsExactly(EventType.NETWORK_CHANGED, EventType.NETWORK_CHANGED, EventType.NETWORK_DELETED);
        NetworkChanged first = events.get(0).payloadAs(NetworkChanged.class);
        assertThat(first.change()).isEqualTo(NetworkChanged.Change.REGISTERED);
        assertThat(first.kind()).isEqualTo(NetworkChanged.Kind.CLUSTER);
        assertThat(first.ownerInstitutionId()).isEqualTo(REGIONE);
        assertThat(first.acronym()).isEqualTo(acronym);
        assertThat(first.foundingYear()).isEqualTo(2014);
        NetworkChanged second = events.get(1).payloadAs(NetworkChanged.class);
        assertThat(second.change()).isEqualTo(NetworkChanged.Change.UPDATED);
        assertThat(second.name()).isEqualTo("AFIL - Fabbrica Intelligente");
        assertThat(events.get(2).isTombstone()).isTrue();
    }

    @Test
    void shouldRebuildExactlyTheCurrentStateWhenTopicIsReadFromOffsetZero() {
        String kept = create(REGIONE);
        String changed = create(REGIONE);
        String deleted = create(REGIONE);
        http.put("/clusters/" + changed, cluster(uniqueAcronym(), "Cluster Lombardo della Cosmetica"))
                .bearer(token(REGIONE))
                .header("If-Match", "\"1\"")
                .send();
        http.delete("/clusters/" + deleted).bearer(token(REGIONE)).send();
        Set<String> ids = Set.of(kept, changed, deleted);

        Map<String, ReceivedEvent> rebuilt = new HashMap<>();
        TopicReader.eventsFor(
                        LocalInfrastructure.kafkaBootstrapServers(),
                        Topics.NETWORKS,
                        ids::contains,
                        5,
                        Duration.ofSeconds(30))
                .forEach(event -> rebuilt.merge(
                        event.subject(),
                        event,
                        (held, next) -> next.aggregateVersion() > held.aggregateVersion() ? next : held));
        rebuilt.values().removeIf(ReceivedEvent::isTombstone);

        assertThat(rebuilt).containsOnlyKeys(kept, changed);
        for (String id : List.of(kept, changed)) {
            JsonNode current = json(http.get("/clusters/" + id).send());
            NetworkChanged state = rebuilt.get(id).payloadAs(NetworkChanged.class);
            assertThat(state.version()).isEqualTo(current.path("version").asLong());
            assertThat(state.name()).isEqualTo(current.path("name").asString());
            assertThat(state.acronym()).isEqualTo(current.path("acronym").asString());
        }
    }

    @Test
    void shouldServeFiliereApartFromClustersWhenBothKindsExist() {
        HttpResponse<String> created =
                http.post("/filiere", """
                        {"name":"Filiera lattiero-casearia cremonese","managingBody":"Latteria Soresina",
                         "territory":"Provincia di Cremona","ecosystems":["Nutrizione"]}""").bearer(token(CAMERA)).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/filiere/" + id);

        assertThat(http.get("/clusters/" + id).send().statusCode()).isEqualTo(404);
        JsonNode filiere = json(http.get("/filiere?limit=200").send());
        assertThat(filiere.path("items").valueStream().map(item -> item.path("id")
                        .asString()))
                .contains(id);
        assertThat(filiere.path("items").valueStream().map(item -> item.path("kind")
                        .asString()))
                .containsOnly("FILIERA");

        List<ReceivedEvent> events = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.NETWORKS, id::equals, 1, Duration.ofSeconds(30));
        NetworkChanged event = events.getFirst().payloadAs(NetworkChanged.class);
        assertThat(event.kind()).isEqualTo(NetworkChanged.Kind.FILIERA);
        assertThat(event.territory()).isEqualTo("Provincia di Cremona");
    }

    @Test
    void shouldPageWithCursorWhenListingClusters() {
        create(REGIONE);
        create(REGIONE);

        JsonNode firstPage = json(http.get("/clusters?limit=1").send());
        assertThat(firstPage.path("items")).hasSize(1);
        String cursor = firstPage.path("nextCursor").asString();
        JsonNode secondPage =
                json(http.get("/clusters?limit=1&cursor=" + cursor).send());
        assertThat(secondPage.path("items").get(0).path("id").asString()).isGreaterThan(cursor);

        HttpResponse<String> unknown = http.get("/clusters?colour=blue").send();
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("colour");
        assertThat(fields(http.get("/clusters?limit=0").send())).containsExactly("limit");
    }

    @Test
    void shouldNameEveryInvalidFieldWhenInputIsInvalid() {
        String body = """
                {"acronym":"ACRONYM-FAR-TOO-LONG-1","name":" ","foundingYear":1700,"website":"not a web address",
                 "seats":["Milano","%s"]}""".formatted("x".repeat(301));

        HttpResponse<String> response =
                http.post("/clusters", body).bearer(token(REGIONE)).send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fields(response))
                .containsExactlyInAnyOrder("name", "acronym", "foundingYear", "website", "seats[1]");
        assertThat(response.body()).contains("is required: the cluster's name");
    }

    @Test
    void shouldAnswerBadRequestWhenBodyIsMalformedOrFieldHasWrongType() {
        assertThat(http.post("/clusters", "{not json")
                        .bearer(token(REGIONE))
                        .send()
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> badYear =
                http.post("/clusters", """
                        {"name":"Cluster Lombardo Mobilità","foundingYear":"duemila"}""").bearer(token(REGIONE)).send();
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(fields(badYear)).containsExactly("foundingYear");
        assertThat(badYear.body()).contains("must be a whole number");
        HttpResponse<String> badSeats =
                http.post("/clusters", """
                        {"name":"Cluster Lombardo Mobilità","seats":"Milano"}""").bearer(token(REGIONE)).send();
        assertThat(badSeats.statusCode()).isEqualTo(400);
        assertThat(fields(badSeats)).containsExactly("seats");
        String id = create(REGIONE);
        assertThat(http.put("/clusters/" + id, cluster(uniqueAcronym(), "x"))
                        .bearer(token(REGIONE))
                        .header("If-Match", "version-one")
                        .send()
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldAnswerNotFoundWhenIdIsUnknown() {
        HttpResponse<String> response =
                http.get("/clusters/cluster-does-not-exist").send();
        HttpResponse<String> update = http.put("/filiere/filiera-does-not-exist", cluster(uniqueAcronym(), "x"))
                .bearer(token(REGIONE))
                .send();

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("detail").asString()).contains("cluster-does-not-exist");
        assertThat(update.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerUnauthorizedWhenWriteHasNoValidToken() {
        String body = cluster(uniqueAcronym(), "Cluster Lombardo Scienze della Vita");

        assertThat(http.post("/clusters", body).send().statusCode()).isEqualTo(401);
        assertThat(http.post("/filiere", body).bearer("not-a-jwt").send().statusCode())
                .isEqualTo(401);
    }

    @Test
    void shouldForbidWriteWhenClusterBelongsToAnotherInstitution() {
        String id = create(REGIONE);

        HttpResponse<String> put = http.put("/clusters/" + id, cluster(uniqueAcronym(), "Preso in prestito"))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> delete =
                http.delete("/clusters/" + id).bearer(token(CAMERA)).send();

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains(REGIONE);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(http.put("/clusters/" + id, cluster(uniqueAcronym(), "Corretto dall'amministratore"))
                        .bearer(TestIdentity.token("admin", "read", "write", "admin"))
                        .send()
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerPreconditionFailedWhenIfMatchIsStale() {
        String id = create(REGIONE);
        http.put("/clusters/" + id, cluster(uniqueAcronym(), "Seconda versione"))
                .bearer(token(REGIONE))
                .send();

        HttpResponse<String> stale = http.put("/clusters/" + id, cluster(uniqueAcronym(), "Terza versione"))
                .bearer(token(REGIONE))
                .header("If-Match", "\"1\"")
                .send();
        HttpResponse<String> staleDelete = http.delete("/clusters/" + id)
                .bearer(token(REGIONE))
                .header("If-Match", "\"1\"")
                .send();

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).path("currentVersion").asLong()).isEqualTo(2);
        assertThat(stale.headers().firstValue("ETag")).hasValue("\"2\"");
        assertThat(staleDelete.statusCode()).isEqualTo(412);
    }

    @Test
    void shouldAnswerConflictPointingAtExistingWhenAcronymIsTakenWithinTheSameKind() {
        String acronym = uniqueAcronym();
        String id = json(http.post("/clusters", cluster(acronym, "Cluster Lombardo della Cosmetica"))
                        .bearer(token(REGIONE))
                        .send())
                .path("id")
                .asString();

        HttpResponse<String> duplicate = http.post(
                        "/clusters", cluster(acronym.toLowerCase(Locale.ROOT), "Altro cluster"))
                .bearer(token(CAMERA))
                .send();
        HttpResponse<String> sameAcronymOtherKind = http.post("/filiere", cluster(acronym, "Filiera omonima"))
                .bearer(token(CAMERA))
                .send();

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).path("existing").asString()).isEqualTo("/clusters/" + id);
        assertThat(sameAcronymOtherKind.statusCode()).isEqualTo(201);
    }

    @Test
    void shouldFreeTheAcronymWhenClusterIsDeleted() {
        String acronym = uniqueAcronym();
        String id = json(http.post("/clusters", cluster(acronym, "Cluster da sostituire"))
                        .bearer(token(REGIONE))
                        .send())
                .path("id")
                .asString();
        http.delete("/clusters/" + id).bearer(token(REGIONE)).send();

        assertThat(http.post("/clusters", cluster(acronym, "Cluster che lo sostituisce"))
                        .bearer(token(REGIONE))
                        .send()
                        .statusCode())
                .isEqualTo(201);
    }

    private String create(String institution) {
        HttpResponse<String> created = http.post("/clusters", cluster(uniqueAcronym(), "Cluster Tecnologico Lombardo"))
                .bearer(token(institution))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private static String cluster(String acronym, String name) {
        return """
                {"acronym":"%s","name":"%s","nameEn":"Intelligent Factory Association of Lombardy",
                 "ecosystems":["Manifattura avanzata"],"technologyAreas":["Robotica collaborativa"],
                 "managingBody":"AFIL - Associazione Fabbrica Intelligente Lombardia","foundingYear":2014,
                 "website":"https://www.afil.it","seats":["Milano"]}""".formatted(acronym, name);
    }

    private static String uniqueAcronym() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static String token(String institution) {
        return TestIdentity.token(institution, "read", "write");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(HttpResponse<String> response) {
        return json(response)
                .path("errors")
                .valueStream()
                .map(error -> error.path("field").asString())
                .toList();
    }
}
