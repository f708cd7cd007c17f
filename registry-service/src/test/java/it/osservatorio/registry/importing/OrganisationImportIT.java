package it.osservatorio.registry.importing;

import static it.osservatorio.registry.importing.ImportRowFixture.aRow;
import static it.osservatorio.registry.importing.ImportRowFixture.csvHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.registry.importing.application.OrganisationImporter;
import it.osservatorio.registry.importing.domain.ImportReport;
import it.osservatorio.registry.importing.domain.RowInput;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"osservatorio.import.async-threshold=20", "osservatorio.import.max-size=100KB"})
class OrganisationImportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CAMERA = "camera-commercio-cremona";
    private static final String PROVINCIA = "provincia-cremona";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "registry_import_it");
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    OrganisationImporter importer;

    @Test
    void shouldReportWithoutWritingWhenDryRun() {
        ImportRowFixture first = aRow();
        ImportRowFixture second = aRow().with("externalId", "dry-2");
        String csv = csv(first, second, aRow().with("partitaIva", "12345678901"));

        JsonNode dry = json(post("/organisations/imports?dryRun=true", "text/csv", utf8(csv), CAMERA));

        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("counts").path("wouldCreate").asLong()).isEqualTo(2);
        assertThat(dry.path("counts").path("invalid").asLong()).isEqualTo(1);
        assertThat(dry.path("errors").get(0).path("row").asInt()).isEqualTo(4);
        assertThat(dry.path("errors").get(0).path("field").asString()).isEqualTo("partitaIva");
        assertThat(organisations()).doesNotContainKeys(first.partitaIva(), second.partitaIva());
    }

    @Test
    void shouldImportValidRowsAndReportInvalidOnesThenChangeNothingWhenReimported() {
        ImportRowFixture first = aRow().with("externalId", "crm-100");
        ImportRowFixture second = aRow();
        String csv = csv(first, second, aRow().with("legalName", "").with("comuneIstat", "19036"));

        HttpResponse<String> imported = post("/organisations/imports", "text/csv", utf8(csv), CAMERA);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode report = json(imported);
        assertThat(report.path("counts").path("created").asLong()).isEqualTo(2);
        assertThat(report.path("counts").path("invalid").asLong()).isEqualTo(1);
        assertThat(report.path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("legalName", "comuneIstat");
        Map<String, JsonNode> stored = organisations();
        String id = stored.get(first.partitaIva()).path("id").asString();
        assertThat(stored.get(first.partitaIva()).path("externalId").asString()).isEqualTo("crm-100");

        JsonNode again = json(post("/organisations/imports", "text/csv", utf8(csv), CAMERA));

        assertThat(again.path("counts").path("unchanged").asLong()).isEqualTo(2);
        assertThat(again.path("counts").path("created").asLong()).isZero();
        assertThat(organisations().get(first.partitaIva()).path("version").asLong())
                .isEqualTo(1);
        List<ReceivedEvent> events = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(),
                Topics.ORGANISATIONS,
                id::equals,
                1,
                Duration.ofSeconds(30));
        assertThat(events).extracting(ReceivedEvent::aggregateVersion).containsExactly(1L);

        String renamed = csv(first.with("legalName", "Caseificio Soresinese S.r.l."), second);
        JsonNode updated = json(post("/organisations/imports", "text/csv", utf8(renamed), CAMERA));

        assertThat(updated.path("counts").path("updated").asLong()).isEqualTo(1);
        assertThat(updated.path("counts").path("unchanged").asLong()).isEqualTo(1);
        assertThat(TopicReader.eventsFor(
                                LocalInfrastructure.kafkaBootstrapServers(),
                                Topics.ORGANISATIONS,
                                id::equals,
                                2,
                                Duration.ofSeconds(30))
                        .stream()
                        .map(ReceivedEvent::aggregateVersion))
                .containsExactly(1L, 2L);
    }

    @Test
    void shouldImportJsonArrayOfApiObjects() {
        String partitaIva = aRow().partitaIva();
        String body = """
                [{"legalName":"Fondazione Arvedi","type":"ALTRO_ENTE","category":"FONDAZIONE","partitaIva":"%s",
                  "address":{"comune":"Cremona","comuneIstat":"019036","province":"CR"},
                  "ecosystems":["Cultura"],"externalId":"json-1"}]""".formatted(partitaIva);

        JsonNode report = json(post("/organisations/imports", "application/json", utf8(body), CAMERA));

        assertThat(report.path("counts").path("created").asLong()).isEqualTo(1);
        assertThat(organisations().get(partitaIva).path("category").asString()).isEqualTo("FONDAZIONE");
    }

    @Test
    void shouldReportRowWhenItMatchesAnotherInstitutionsOrganisation() {
        ImportRowFixture theirs = aRow();
        json(post("/organisations/imports", "text/csv", utf8(csv(theirs)), PROVINCIA));

        JsonNode report = json(post(
                "/organisations/imports",
                "text/csv",
                utf8(csv(aRow(), aRow().with("partitaIva", theirs.partitaIva()))),
                CAMERA));

        assertThat(report.path("counts").path("created").asLong()).isEqualTo(1);
        assertThat(report.path("counts").path("invalid").asLong()).isEqualTo(1);
        JsonNode error = report.path("errors").get(0);
        assertThat(error.path("row").asInt()).isEqualTo(3);
        assertThat(error.path("message").asString()).contains(PROVINCIA).contains("may not change it");
        assertThat(organisations()
                        .get(theirs.partitaIva())
                        .path("ownerInstitutionId")
                        .asString())
                .isEqualTo(PROVINCIA);
    }

    @Test
    void shouldDecideEveryRowAsOneByOneWhenFileSpansSeveralBatches() {
        int size = OrganisationImporter.BATCH_SIZE * 2 + 200;
        ImportRowFixture[] rows = IntStream.range(0, size)
                .mapToObj(i -> aRow().row(i + 2).with("externalId", "batch-" + i))
                .toArray(ImportRowFixture[]::new);
        // the last batch repeats the Partita IVA of a row of the first one: the later row is refused
        int repeating = size - 1;
        rows[repeating].with("partitaIva", rows[3].partitaIva());
        CallerIdentity camera = new CallerIdentity(CAMERA, "Camera di Commercio di Cremona", Set.of("read", "write"));

        ImportReport first = importer.run(inputs(rows), false, camera, 100, OrganisationImporter.Progress.NONE);

        assertThat(first.counts().created()).isEqualTo(size - 1);
        assertThat(first.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(repeating + 2);
            assertThat(problem.message()).contains("row 5");
        });

        // one row changed in the second batch, one with its external id dropped (matched on its Partita IVA)
        int renamed = OrganisationImporter.BATCH_SIZE + 7;
        rows[renamed].with("legalName", "Latteria Cremonese S.r.l.");
        rows[11].with("externalId", "");
        ImportReport again = importer.run(inputs(rows), false, camera, 100, OrganisationImporter.Progress.NONE);

        assertThat(again.counts().updated()).isEqualTo(2);
        assertThat(again.counts().unchanged()).isEqualTo(size - 3);
        assertThat(again.counts().created()).isZero();
        assertThat(again.counts().invalid()).isEqualTo(1);
        assertThat(organisations()
                        .get(rows[renamed].partitaIva())
                        .path("legalName")
                        .asString())
                .isEqualTo("Latteria Cremonese S.r.l.");
    }

    private static List<RowInput> inputs(ImportRowFixture... rows) {
        return java.util.Arrays.stream(rows).map(ImportRowFixture::build).toList();
    }

    @Test
    void shouldChangeNothingWhenAnExportIsImportedBack() {
        String owner = "ufficio-export-" + System.nanoTime();
        String csv = csv(
                aRow().with("externalId", "exp-1"),
                aRow().with("ecosystems", "Nutrizione;Agroalimentare;Smart Mobility"),
                aRow().with("website", "https://www.example.it").with("codiceFiscale", ""));
        assertThat(json(post("/organisations/imports", "text/csv", utf8(csv), owner))
                        .path("counts")
                        .path("created")
                        .asLong())
                .isEqualTo(3);

        for (String format : List.of("csv", "json")) {
            HttpResponse<String> export = get("/organisations/export?format=" + format + "&owner=" + owner, owner);
            assertThat(export.statusCode()).as(export.body()).isEqualTo(200);

            JsonNode again = json(post(
                    "/organisations/imports",
                    format.equals("csv") ? "text/csv" : "application/json",
                    utf8(export.body()),
                    owner));

            assertThat(again.path("counts").path("unchanged").asLong())
                    .as(format + ": " + again)
                    .isEqualTo(3);
            assertThat(again.path("counts").path("invalid").asLong()).isZero();
        }
    }

    @Test
    void shouldRunAsJobAndReportProgressWhenFileIsLarge() {
        ImportRowFixture[] rows = IntStream.range(0, 25)
                .mapToObj(i -> aRow().with("externalId", "job-" + i))
                .toArray(ImportRowFixture[]::new);

        HttpResponse<String> accepted = post("/organisations/imports", "text/csv", utf8(csv(rows)), CAMERA);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/organisations/imports/imp-");
        JsonNode done = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> json(get(location, CAMERA)),
                        job -> job.path("status").asString().equals("COMPLETED"));
        assertThat(done.path("rowsDone").asLong()).isEqualTo(25);
        assertThat(done.path("rowsTotal").asLong()).isEqualTo(25);
        assertThat(done.path("counts").path("created").asLong()).isEqualTo(25);
        assertThat(get(location, PROVINCIA).statusCode()).isEqualTo(403);
        assertThat(get(location, null).statusCode()).isEqualTo(401);

        HttpResponse<String> small = post("/organisations/imports?async=true", "text/csv", utf8(csv(rows[0])), CAMERA);
        assertThat(small.statusCode()).isEqualTo(202);
        String smallJob = small.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> json(get(smallJob, CAMERA))
                                .path("counts")
                                .path("unchanged")
                                .asLong()
                        == 1);
    }

    @Test
    void shouldAnswerBadRequestProblemWhenFileIsMalformedWronglyEncodedOrHasUnknownColumns() {
        HttpResponse<String> quotes =
                post("/organisations/imports", "text/csv", utf8("legalName,type\n\"Acme,IMPRESA\n"), CAMERA);
        HttpResponse<String> columns =
                post("/organisations/imports", "text/csv", utf8("legalName,type\nAcme\n"), CAMERA);
        HttpResponse<String> latin1 = post(
                "/organisations/imports",
                "text/csv",
                "legalName\nSocietà\n".getBytes(StandardCharsets.ISO_8859_1),
                CAMERA);
        HttpResponse<String> unknown =
                post("/organisations/imports", "text/csv", utf8("legalName,colour\nAcme,blue\n"), CAMERA);
        HttpResponse<String> empty = post("/organisations/imports", "text/csv", new byte[0], CAMERA);
        HttpResponse<String> tooLarge = post("/organisations/imports", "text/csv", new byte[200 * 1024], CAMERA);

        for (HttpResponse<String> response : List.of(quotes, columns, latin1, unknown, empty)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(latin1.body()).contains("must be encoded in UTF-8");
        assertThat(JSON.readTree(unknown.body())
                        .path("allowedColumns")
                        .valueStream()
                        .map(JsonNode::asString))
                .contains("legalName", "partitaIva", "externalId");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(post("/organisations/imports", "text/csv", utf8(csv(aRow())), null)
                        .statusCode())
                .isEqualTo(401);
    }

    private static String csv(ImportRowFixture... rows) {
        return csvHeader() + "\n"
                + java.util.Arrays.stream(rows).map(ImportRowFixture::csvLine).collect(Collectors.joining("\n"))
                + "\n";
    }

    /** Every organisation of this test's database by Partita IVA (each IT class has a database of its own). */
    private Map<String, JsonNode> organisations() {
        Map<String, JsonNode> byPartitaIva = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = json(get("/organisations?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null));
            page.path("items")
                    .forEach(item -> byPartitaIva.put(item.path("partitaIva").asString(), item));
            cursor = page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()
                    ? null
                    : page.path("nextCursor").asString();
        } while (cursor != null);
        return byPartitaIva;
    }

    private HttpResponse<String> post(String path, String contentType, byte[] body, String institution) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request, institution);
    }

    private HttpResponse<String> get(String path, String institution) {
        return send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET(),
                institution);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String institution) {
        if (institution != null) {
            request.header("Authorization", "Bearer " + TestIdentity.token(institution, "read", "write"));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
