package it.osservatorio.projects.project;

import static it.osservatorio.projects.project.ProjectDetailsFixture.aProject;
import static it.osservatorio.projects.project.ProjectRequestFixture.aProjectRequest;
import static it.osservatorio.projects.project.ProjectRequestFixture.randomCup;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.Topics;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.projects.project.application.ProjectImporter;
import it.osservatorio.projects.project.application.ProjectService;
import it.osservatorio.projects.project.domain.Project;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CSV export and import of projects in the OpenCoesione-like layout, idempotent on CUP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectCsvIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String HEADER = "CUP;OC_TITOLO_PROGETTO;OC_SINTESI_PROGETTO;ACRONIMO;OC_DESCR_PROGRAMMA;"
            + "NOME_PROGRAMMA;PNRR_MISSIONE;PNRR_COMPONENTE;PNRR_INVESTIMENTO;PROGRAMMA_INTERREG;COD_BANDO;ASSE_PATTO;"
            + "AZIONE_EMBLEMATICA;ECOSISTEMA_S3;COD_COMUNE;OC_DATA_INIZIO_PROGETTO;OC_DATA_FINE_PROGETTO_PREVISTA;"
            + "OC_STATO_PROGETTO;FINANZ_TOTALE;FINANZ_UE;FINANZ_STATO;FINANZ_REGIONE;FINANZ_COMUNE;FINANZ_PRIVATO";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "projects_csv_it");
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    ProjectService projects;

    String owner;

    @BeforeEach
    void owner() {
        owner = "institution-" + UUID.randomUUID();
    }

    @Test
    void shouldExportInOpenCoesioneLayoutAndChangeNothingWhenTheExportIsImportedBack() throws Exception {
        ProjectRequestFixture first = aProjectRequest().with("comuniIstat", List.of("019036", "019097"));
        String id = create(first);
        create(aProjectRequest()
                .with(
                        "programme",
                        java.util.Map.of("kind", "PNRR", "missione", "M4", "componente", "C2", "investimento", "1.5")));

        HttpResponse<String> export = get("/projects/export?owner=" + owner);

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = export.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("COD_LOCALE_PROGETTO;CUP;OC_TITOLO_PROGETTO;");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .startsWith(id + ";" + first.cup() + ";")
                .contains(";019036|019097;")
                .contains(";PROPOSED;100000.00;50000.00;30000.00;10000.00;0.00;10000.00;0.00;0.0000");
        assertThat(lines.get(2)).contains(";PNRR;;M4;C2;1.5;");

        JsonNode report = importCsv(export.body(), false);

        assertThat(report.path("unchanged").asInt()).isEqualTo(2);
        assertThat(report.path("created").asInt() + report.path("updated").asInt())
                .isZero();
    }

    @Test
    void shouldReportEveryRowWithoutWritingWhenDryRunAndThenCreateUpdateAndRejectRows() throws Exception {
        String existingCup = aProjectRequest().cup();
        String existing = create(aProjectRequest().with("cup", existingCup));
        String foreignCup = randomCup();
        createAs("another-institution", aProjectRequest().with("cup", foreignCup));
        String newCup = randomCup();
        String csv = HEADER + "\r\n"
                + newCup
                + ";Nuovo progetto;;;FESR;;;;;;;1;;;019036;2025-01-01;2026-12-31;ONGOING;1000.00;500;500;;;\r\n"
                + existingCup + ";Titolo cambiato;;;FESR;;;;;;;1;;;019036;2025-01-01;2026-12-31;;100000.00;"
                + "50000;30000;10000;0;10000\r\n"
                + randomCup() + ";Split sbagliato;;;FESR;;;;;;;1;;;;;;;1000.00;500;499.99;;;\r\n"
                + ";Senza CUP;;;FESR;;;;;;;;;;;;;;;;;;;\r\n"
                + newCup + ";Doppione;;;FESR;;;;;;;;;;;;;;;;;;;\r\n"
                + foreignCup + ";Di altri;;;FESR;;;;;;;;;;;;;;;;;;;\r\n"
                + randomCup() + ";Data sbagliata;;;FESR;;;;;;;;;;;31/12/2025;;;;;;;;\r\n";

        JsonNode dry = importCsv(csv, true);

        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(outcomes(dry))
                .containsExactly("CREATED", "UPDATED", "INVALID", "INVALID", "INVALID", "FORBIDDEN", "INVALID");
        assertThat(JSON.readTree(get("/projects?owner=" + owner + "&cup=" + newCup)
                                .body())
                        .path("items"))
                .as("a dry run writes nothing")
                .isEmpty();

        JsonNode done = importCsv(csv, false);

        assertThat(outcomes(done)).isEqualTo(outcomes(dry));
        JsonNode rows = done.path("results");
        assertThat(rows.path(0).path("row").asInt()).isEqualTo(2);
        assertThat(rows.path(2).path("errors").path(0).path("field").asString()).isEqualTo("funding");
        assertThat(rows.path(3).path("errors").path(0).path("field").asString()).isEqualTo("CUP");
        assertThat(rows.path(4).path("errors").path(0).path("message").asString())
                .contains("row 2");
        assertThat(rows.path(5).path("errors").path(0).path("message").asString())
                .contains("another-institution");
        assertThat(rows.path(6).path("errors").path(0).path("field").asString()).isEqualTo("OC_DATA_INIZIO_PROGETTO");
        JsonNode created = JSON.readTree(
                get("/projects/" + rows.path(0).path("projectId").asString()).body());
        assertThat(created.path("status").asString()).isEqualTo("ONGOING");
        assertThat(created.path("totalCost").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(JSON.readTree(get("/projects/" + existing).body())
                        .path("title")
                        .asString())
                .isEqualTo("Titolo cambiato");

        JsonNode again = importCsv(csv, false);
        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
    }

    @Test
    void shouldCreateUpdateAndRejectOnTheirRowsAndThenChangeNothingWhenFileSpansSeveralBatches() throws Exception {
        int rows = 2 * ProjectImporter.BATCH_SIZE + 201;
        String existingCup = randomCup();
        String existing = create(aProjectRequest().with("cup", existingCup));
        int updatedIndex = ProjectImporter.BATCH_SIZE + 100;
        int invalidIndex = ProjectImporter.BATCH_SIZE + 200;
        int repeatedIndex = 2 * ProjectImporter.BATCH_SIZE + 100;
        List<String> cups = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < rows; i++) {
            String cup = i == updatedIndex ? existingCup : i == repeatedIndex ? cups.getFirst() : randomCup();
            cups.add(cup);
            String split = i == invalidIndex ? "500;499.99" : "500;500";
            csv.append(cup)
                    .append(";Progetto importato ")
                    .append(i)
                    .append(";;;FESR;;;;;;;1;;;019036;2025-01-01;2026-12-31;;1000.00;")
                    .append(split)
                    .append(";;;\r\n");
        }

        JsonNode dry = importCsv(csv.toString(), true);

        assertThat(dry.path("created").asInt()).isEqualTo(rows - 3);
        assertThat(projectsOwned()).as("a dry run writes nothing").isEqualTo(1);

        JsonNode done = importCsv(csv.toString(), false);

        assertThat(outcomes(done)).isEqualTo(outcomes(dry));
        assertThat(done.path("rows").asInt()).isEqualTo(rows);
        assertThat(done.path("created").asInt()).isEqualTo(rows - 3);
        assertThat(done.path("updated").asInt()).isEqualTo(1);
        assertThat(done.path("rejected").asInt()).isEqualTo(2);
        JsonNode results = done.path("results");
        assertThat(results.valueStream().map(r -> r.path("row").asInt()).toList())
                .as("one result per row, in the file's order")
                .isEqualTo(IntStream.rangeClosed(2, rows + 1).boxed().toList());
        assertThat(results.path(updatedIndex).path("outcome").asString()).isEqualTo("UPDATED");
        assertThat(results.path(updatedIndex).path("projectId").asString()).isEqualTo(existing);
        assertThat(results.path(invalidIndex)
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asString())
                .isEqualTo("funding");
        assertThat(results.path(repeatedIndex)
                        .path("errors")
                        .path(0)
                        .path("message")
                        .asString())
                .contains("row 2");
        assertThat(projectsOwned()).isEqualTo(rows - 2);
        String firstCreated = results.path(0).path("projectId").asString();
        String lastCreated = results.path(rows - 1).path("projectId").asString();
        for (String id : List.of(firstCreated, lastCreated)) {
            assertThat(TopicReader.eventsFor(
                                    LocalInfrastructure.kafkaBootstrapServers(),
                                    Topics.PROJECTS,
                                    id::equals,
                                    1,
                                    PATIENCE)
                            .getFirst()
                            .aggregateVersion())
                    .isEqualTo(1L);
            assertThat(TopicReader.eventsFor(
                                    LocalInfrastructure.kafkaBootstrapServers(),
                                    Topics.PROJECT_PROGRESS,
                                    id::equals,
                                    1,
                                    PATIENCE)
                            .getFirst()
                            .type())
                    .isEqualTo(EventType.PROJECT_STATUS_CHANGED);
        }
        assertThat(JSON.readTree(get("/projects/" + lastCreated).body())
                        .path("cup")
                        .asString())
                .isEqualTo(cups.getLast());

        JsonNode again = importCsv(csv.toString(), false);

        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isZero();
        assertThat(again.path("unchanged").asInt()).isEqualTo(rows - 2);
        assertThat(projectsOwned()).isEqualTo(rows - 2);
    }

    @Test
    void shouldPublishTheOthersAndReportNoProjectWhenItsCupWasTakenBetweenCheckAndInsert() throws Exception {
        String takenCup = randomCup();
        String freeCup = randomCup();
        CallerIdentity caller = new CallerIdentity(owner, "Camera di Commercio di Cremona", Set.of("read", "write"));
        List<ProjectService.Prepared> prepared = projects.prepareAll(
                List.of(
                        new ProjectService.Proposal(aProject().cup(takenCup).build(), null),
                        new ProjectService.Proposal(aProject().cup(freeCup).build(), null)),
                caller);
        String meanwhile = create(aProjectRequest().with("cup", takenCup));

        List<Project> published = projects.publishAll(prepared);

        assertThat(published.get(0)).isNull();
        assertThat(published.get(1)).isNotNull();
        assertThat(JSON.readTree(get("/projects/" + published.get(1).id()).body())
                        .path("cup")
                        .asString())
                .isEqualTo(freeCup);
        assertThat(JSON.readTree(get("/projects?cup=" + takenCup).body())
                        .path("items")
                        .valueStream()
                        .map(item -> item.path("id").asString())
                        .toList())
                .containsExactly(meanwhile);
    }

    private int projectsOwned() throws Exception {
        return JSON.readTree(get("/projects/totals?owner=" + owner).body())
                .path("overall")
                .path("projects")
                .asInt();
    }

    @Test
    void shouldNameMissingColumnsWhenHeaderIsNotTheLayout() throws Exception {
        HttpResponse<String> response = post("/projects/imports", "CUP;TITOLO\r\nE11B22000040007;x\r\n", owner);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("missing: ", "OC_TITOLO_PROGETTO", "unknown: TITOLO");
    }

    private String create(ProjectRequestFixture request) throws Exception {
        return createAs(owner, request);
    }

    private String createAs(String institution, ProjectRequestFixture request) throws Exception {
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(uri("/projects"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestIdentity.token(institution, "read", "write"))
                        .POST(HttpRequest.BodyPublishers.ofString(request.json()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    private JsonNode importCsv(String csv, boolean dryRun) throws Exception {
        HttpResponse<String> response = post("/projects/imports?dryRun=" + dryRun, csv, owner);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String csv, String institution)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "text/csv")
                        .header("Authorization", "Bearer " + TestIdentity.token(institution, "read", "write"))
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<String> outcomes(JsonNode report) {
        return report.path("results")
                .valueStream()
                .map(r -> r.path("outcome").asString())
                .toList();
    }
}
