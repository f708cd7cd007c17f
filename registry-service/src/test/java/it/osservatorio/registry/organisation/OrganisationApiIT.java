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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

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
                .contains(
                        "allowed parameters are atecoPrefix, category, cluster, comune, cursor, ecosystem, filiera, limit, name,"
                                + " owner, province, sizeClass, sort, synthetic, type");
    }

    @Test
    void shouldNameTheParameterAndTheAllowedOnesWhenSearchParametersAreWrong() {
        assertThat(badRequestFields("/organisations?colour=blue&type=STARTUP"))
                .containsExactlyInAnyOrder("colour", "type");
        assertThat(badRequestFields("/organisations?atecoPrefix=6")).containsExactly("atecoPrefix");
        assertThat(badRequestFields("/organisations?synthetic=maybe")).containsExactly("synthetic");
        assertThat(badRequestFields("/organisations?sizeClass=ENORME")).containsExactly("sizeClass");
        assertThat(badRequestFields("/organisations?limit=0")).containsExactly("limit");
        assertThat(badRequestFields("/organisations?limit=201")).containsExactly("limit");
        assertThat(badRequestFields("/organisations?limit=ten")).containsExactly("limit");
        assertThat(badRequestFields("/organisations?cursor=AAAA.BBBB")).containsExactly("cursor");
        assertThat(badRequestFields("/organisations/export?format=xml&page=2"))
                .containsExactlyInAnyOrder("format", "page");

        HttpResponse<String> sort =
                http.get("/organisations?sort=legalName,-colour").send();
        assertThat(sort.statusCode()).isEqualTo(400);
        assertThat(fields(sort)).containsExactly("sort");
        assertThat(sort.body())
                .contains("colour")
                .contains("allowed sort fields are createdAt, legalName, province, type, updatedAt");
        HttpResponse<String> exportUnknown = http.get("/organisations/export?colour=blue")
                .header("Accept", "text/csv")
                .send();
        assertThat(exportUnknown.statusCode()).isEqualTo(400);
        assertThat(exportUnknown.body())
                .contains("colour")
                .contains("allowed parameters are")
                .contains("format");
    }

    @Test
    void shouldSortAndPageWithoutGapsWhenFollowingCursors() {
        String owner = uniqueInstitution();
        List<String> names = List.of("Delta", "alfa", "Charlie", "Àlfa Due", "Bravo");
        names.forEach(name -> create(owner, anOrganisation().legalName(name)));

        List<String> seen = new java.util.ArrayList<>();
        String next = "/organisations?owner=" + owner + "&sort=legalName&limit=2";
        int pages = 0;
        while (next != null && pages < 10) {
            JsonNode page = json(http.get(next).send());
            page.path("items")
                    .valueStream()
                    .forEach(item -> seen.add(item.path("legalName").asString()));
            String cursor =
                    page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
            next = cursor == null ? null : "/organisations?owner=" + owner + "&sort=legalName&limit=2&cursor=" + cursor;
            pages++;
        }

        assertThat(seen).containsExactly("alfa", "Àlfa Due", "Bravo", "Charlie", "Delta");
        assertThat(pages).isEqualTo(3);
        JsonNode newestFirst = json(http.get("/organisations?owner=" + owner + "&sort=-createdAt&limit=1")
                .send());
        assertThat(newestFirst.path("items").get(0).path("legalName").asString())
                .isEqualTo("Bravo");
        JsonNode byName = json(http.get("/organisations?owner=" + owner + "&name=" + encode("ALFA"))
                .send());
        assertThat(byName.path("items")).hasSize(2);
    }

    @Test
    void shouldExportTheSelectionWhenCsvOrJsonIsAsked() {
        String owner = uniqueInstitution();
        create(
                owner,
                anOrganisation()
                        .legalName("Caseificio \"Il Torrazzo\", Società Agricola")
                        .synthetic(true));
        create(owner, anOrganisation().legalName("Bottega Digitale").atecoCode("62.01"));

        HttpResponse<String> csv = http.get("/organisations/export?owner=" + owner + "&sort=-legalName")
                .header("Accept", "text/csv")
                .send();
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/csv").contains("UTF-8"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .startsWith("id,version,ownerInstitutionId,legalName,type,")
                .contains(",synthetic,");
        assertThat(lines[1]).contains(",\"Caseificio \"\"Il Torrazzo\"\", Società Agricola\",");
        List<Map<String, String>> rows = csvRows(csv.body());
        assertThat(rows)
                .extracting(row -> row.get("legalName"))
                .containsExactly("Caseificio \"Il Torrazzo\", Società Agricola", "Bottega Digitale");
        assertThat(rows).extracting(row -> row.get("synthetic")).containsExactly("true", "false");
        assertThat(rows.get(1)).containsEntry("atecoCode", "62.01").containsEntry("ownerInstitutionId", owner);

        HttpResponse<String> onlyItAsJson = http.get(
                        "/organisations/export?format=json&owner=" + owner + "&atecoPrefix=62")
                .send();
        assertThat(onlyItAsJson.statusCode()).isEqualTo(200);
        JsonNode array = json(onlyItAsJson);
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        assertThat(array.get(0).path("legalName").asString()).isEqualTo("Bottega Digitale");
        assertThat(array.get(0).path("synthetic").asBoolean()).isFalse();
        assertThat(array.get(0).path("address").path("comuneIstat").asString()).isEqualTo("019097");

        HttpResponse<String> forcedCsv = http.get("/organisations/export?format=csv&owner=" + owner + "&synthetic=true")
                .header("Accept", "application/json")
                .send();
        assertThat(forcedCsv.body().split("\r\n")).hasSize(2);
    }

    @Test
    void shouldFindTheCurrentStateWhenOrganisationIsUpdatedOrDeleted() {
        String owner = uniqueInstitution();
        String id = create(owner, anOrganisation().legalName("Vecchio Nome"));

        http.put(
                        "/organisations/" + id,
                        anOrganisation()
                                .legalName("Nuovo Nome")
                                .province("MI")
                                .comuneIstat("015146")
                                .json())
                .bearer(token(owner))
                .send();
        assertThat(json(http.get("/organisations?owner=" + owner + "&name=vecchio")
                                .send())
                        .path("items"))
                .isEmpty();
        JsonNode renamed = json(http.get("/organisations?owner=" + owner + "&name=nuovo&province=MI")
                .send());
        assertThat(renamed.path("items")).hasSize(1);
        assertThat(renamed.path("items").get(0).path("version").asLong()).isEqualTo(2);

        http.delete("/organisations/" + id).bearer(token(owner)).send();
        assertThat(json(http.get("/organisations?owner=" + owner).send()).path("items"))
                .isEmpty();
    }

    private String create(String institution, OrganisationRequestFixture organisation) {
        HttpResponse<String> created = http.post("/organisations", organisation.json())
                .bearer(token(institution))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private List<String> badRequestFields(String path) {
        HttpResponse<String> response = http.get(path).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return fields(response);
    }

    private static List<Map<String, String>> csvRows(String csv) {
        try (MappingIterator<Map<String, String>> rows = CsvMapper.builder()
                .build()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            return rows.readAll();
        }
    }

    private static String uniqueInstitution() {
        return "institution-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
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
