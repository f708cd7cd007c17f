package it.osservatorio.registry.organisation;

import static it.osservatorio.registry.organisation.OrganisationRequestFixture.anOrganisation;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CAMERA = "camera-commercio-cremona";
    private static final String PROVINCIA = "provincia-cremona";

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
    void shouldPublishWholeStateWithVersionsWhenOrganisationIsCreatedUpdatedAndDeleted() {
        HttpResponse<String> created = http.post(
                        "/organisations", anOrganisation().json())
                .bearer(token(CAMERA))
                .send();
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json(created).path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/organisations/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> updated = http.put(
                        "/organisations/" + id,
                        anOrganisation().legalName("Latteria Soresina S.C.A.").json())
                .bearer(token(CAMERA))
                .header("If-Match", "\"1\"")
                .send();
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("version").asLong()).isEqualTo(2);

        assertThat(http.delete("/organisations/" + id)
                        .bearer(token(CAMERA))
                        .send()
                        .statusCode())
                .isEqualTo(204);
        assertThat(http.get("/organisations/" + id).send().statusCode()).isEqualTo(404);

        List<ReceivedEvent> events = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(),
                Topics.ORGANISATIONS,
                id::equals,
                3,
                Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::aggregateVersion).containsExactly(1L, 2L, 3L);
        assertThat(events)
                .extracting(ReceivedEvent::type)
                .containsExactly(
                        EventType.ORGANISATION_CHANGED, EventType.ORGANISATION_CHANGED, EventType.ORGANISATION_DELETED);
        OrganisationChanged first = events.get(0).payloadAs(OrganisationChanged.class);
        assertThat(first.change()).isEqualTo(OrganisationChanged.Change.REGISTERED);
        assertThat(first.ownerInstitutionId()).isEqualTo(CAMERA);
        assertThat(first.address().comuneIstat()).isEqualTo("019097");
        assertThat(events.get(1).payloadAs(OrganisationChanged.class).legalName())
                .isEqualTo("Latteria Soresina S.C.A.");
        assertThat(events.get(0).source().toString()).isEqualTo("/osservatorio/registry-service");
        assertThat(events.get(2).isTombstone()).isTrue();
    }

    @Test
    void shouldNameEveryInvalidFieldWhenInputIsInvalid() {
        String body = """
                {"legalName":"","type":"IMPRESA","partitaIva":"12345678901",
                 "address":{"comune":"Cremona","comuneIstat":"19036","province":"Cremona"},"website":"www"}""";

        HttpResponse<String> response =
                http.post("/organisations", body).bearer(token(CAMERA)).send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(fields(response)).contains("legalName");

        HttpResponse<String> domain = http.post(
                        "/organisations", body.replace("\"legalName\":\"\"", "\"legalName\":\"Acme\""))
                .bearer(token(CAMERA))
                .send();
        assertThat(domain.statusCode()).isEqualTo(400);
        assertThat(fields(domain))
                .containsExactlyInAnyOrder("partitaIva", "address.comuneIstat", "address.province", "website");
        assertThat(domain.body()).contains("check digit");
    }

    @Test
    void shouldAnswerBadRequestWhenBodyIsMalformedOrEnumUnknown() {
        assertThat(http.post("/organisations", "{not json")
                        .bearer(token(CAMERA))
                        .send()
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> badType = http.post(
                        "/organisations", anOrganisation().type("STARTUP").json())
                .bearer(token(CAMERA))
                .send();
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(fields(badType)).containsExactly("type");
        assertThat(badType.body()).contains("must be one of IMPRESA, ORGANISMO_DI_RICERCA, ALTRO_ENTE");
    }

    @Test
    void shouldAnswerNotFoundWhenIdIsUnknown() {
        HttpResponse<String> response =
                http.get("/organisations/org-does-not-exist").send();

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("detail").asString()).contains("org-does-not-exist");
    }

    @Test
    void shouldAnswerUnauthorizedWhenWriteHasNoValidToken() {
        assertThat(http.post("/organisations", anOrganisation().json()).send().statusCode())
                .isEqualTo(401);
        assertThat(http.post("/organisations", anOrganisation().json())
                        .bearer(TestIdentity.expiredToken(CAMERA, "read", "write"))
                        .send()
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.post("/organisations", anOrganisation().json())
                        .bearer("not-a-jwt")
                        .send()
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void shouldForbidWriteWhenOrganisationBelongsToAnotherInstitution() {
        String id = create(CAMERA);

        HttpResponse<String> put = http.put(
                        "/organisations/" + id, anOrganisation().json())
                .bearer(token(PROVINCIA))
                .send();
        HttpResponse<String> delete =
                http.delete("/organisations/" + id).bearer(token(PROVINCIA)).send();
        HttpResponse<String> readOnly = http.post(
                        "/organisations", anOrganisation().json())
                .bearer(TestIdentity.token(PROVINCIA, "read"))
                .send();

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains(CAMERA);
        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(readOnly.statusCode()).isEqualTo(403);
        assertThat(http.put("/organisations/" + id, anOrganisation().json())
                        .bearer(TestIdentity.token("admin", "read", "write", "admin"))
                        .send()
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerPreconditionFailedWhenIfMatchIsStale() {
        String id = create(CAMERA);
        http.put("/organisations/" + id, anOrganisation().json())
                .bearer(token(CAMERA))
                .send();

        HttpResponse<String> stale = http.put(
                        "/organisations/" + id, anOrganisation().json())
                .bearer(token(CAMERA))
                .header("If-Match", "\"1\"")
                .send();

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).path("currentVersion").asLong()).isEqualTo(2);
    }

    @Test
    void shouldAnswerConflictPointingAtExistingWhenPartitaIvaIsTaken() {
        OrganisationRequestFixture organisation = anOrganisation();
        String id = json(http.post("/organisations", organisation.json())
                        .bearer(token(CAMERA))
                        .send())
                .path("id")
                .asString();

        HttpResponse<String> duplicate = http.post(
                        "/organisations",
                        anOrganisation().partitaIva(organisation.partitaIva()).json())
                .bearer(token(PROVINCIA))
                .send();

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).path("existing").asString()).isEqualTo("/organisations/" + id);
    }

    @Test
    void shouldFilterAndPageWhenSearching() {
        create(CAMERA);
        http.post(
                        "/organisations",
                        anOrganisation().province("MI").comuneIstat("015146").json())
                .bearer(token(CAMERA))
                .send();

        JsonNode firstPage = json(http.get("/organisations?province=MI&limit=1").send());
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(firstPage
                        .path("items")
                        .get(0)
                        .path("address")
                        .path("province")
                        .asString())
                .isEqualTo("MI");

        HttpResponse<String> unknown = http.get("/organisations?colour=blue").send();
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("colour")
                .contains("allowed parameters are atecoPrefix, category, comune, cursor, ecosystem, limit, name, owner,"
                        + " province, sizeClass, sort, synthetic, type");
    }

    private String create(String institution) {
        HttpResponse<String> created = http.post(
                        "/organisations", anOrganisation().json())
                .bearer(token(institution))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
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
