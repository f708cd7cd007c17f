package it.osservatorio.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.PartitaIvaFixture;
import it.osservatorio.testing.SseTestClient;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton through every layer, with every service its own process as {@code ./start.sh} runs them: an
 * institution's write at the gateway reaches the registry, its outbox, the real Kafka broker, the projects replica
 * and an SSE client; a crash between the write and the send loses nothing; a restart keeps everything.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path home;
    private static PlatformConfig config;
    private static LocalPlatform platform;
    private static HttpTestClient gateway;
    private static String cameraKey;
    private static String provinciaKey;
    private static String persistedOrganisation;

    @BeforeAll
    static void startPlatform() throws Exception {
        home = Files.createTempDirectory("osservatorio-e2e");
        Path repository = Path.of(System.getProperty("osservatorio.repository", ".."))
                .toAbsolutePath()
                .normalize();
        config = PlatformConfig.randomPorts(home, repository);
        platform = LocalPlatform.start(config);
        gateway = new HttpTestClient(platform.url("gateway"));
        cameraKey = institutionKey("camera-commercio-cremona", "Camera di Commercio di Cremona");
        provinciaKey = institutionKey("provincia-cremona", "Provincia di Cremona");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void shouldStreamAndReplicateOrganisationWhenInstitutionCreatesItThroughGateway() {
        try (SseTestClient stream = SseTestClient.open(platform.url("gateway") + "/api/stream")) {
            assertThat(stream.status()).isEqualTo(200);

            HttpResponse<String> created = gateway.post(
                            "/api/registry/organisations", organisation("Latteria Soresina"))
                    .bearer(cameraKey)
                    .send();

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).path("id").asString();
            SseTestClient.Event event = stream.await(e -> e.data().contains(id), Duration.ofSeconds(30));
            assertThat(event.id()).isNotBlank();
            assertThat(event.name()).isEqualTo("it.osservatorio.registry.organisation.changed.v1");
            JsonNode data = JSON.readTree(event.data());
            assertThat(data.path("version").asLong()).isEqualTo(1);
            assertThat(data.path("payload").path("ownerInstitutionId").asString())
                    .isEqualTo("camera-commercio-cremona");
            awaitReplicaVersion(id, 1);
            persistedOrganisation = id;
        }
    }

    @Test
    @Order(2)
    void shouldEnforceIdentityAndOwnershipWhenWritingThroughGatewayOrDirectly() {
        String id = JSON.readTree(gateway.post("/api/registry/organisations", organisation("Acciaieria Arvedi"))
                        .bearer(cameraKey)
                        .send()
                        .body())
                .path("id")
                .asString();
        HttpTestClient registry = new HttpTestClient(platform.url("registry"));

        assertThat(gateway.put("/api/registry/organisations/" + id, organisation("Taken over"))
                        .bearer(provinciaKey)
                        .send()
                        .statusCode())
                .isEqualTo(403);
        assertThat(gateway.post("/api/registry/organisations", organisation("No key"))
                        .send()
                        .statusCode())
                .isEqualTo(401);
        assertThat(registry.post("/organisations", organisation("Direct, no token"))
                        .send()
                        .statusCode())
                .isEqualTo(401);
        assertThat(registry.put("/organisations/" + id, organisation("Direct, other institution"))
                        .bearer(TestIdentity.token("provincia-cremona", "read", "write"))
                        .send()
                        .statusCode())
                .as("a token not signed by this platform's gateway")
                .isEqualTo(401);
        assertThat(gateway.get("/api/registry/organisations/" + id).send().statusCode())
                .isEqualTo(200);
        HttpResponse<String> invalid = gateway.post("/api/registry/organisations", "{\"type\":\"IMPRESA\"}")
                .bearer(cameraKey)
                .send();
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("legalName").contains("address");
        assertThat(gateway.get("/api/registry/organisations/org-missing").send().statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(3)
    void shouldPublishExactlyOnceWhenRegistryDiesAfterWriteBeforeSend() throws Exception {
        double appliedBefore = appliedReplicaEvents();
        ChildProcess registry = platform.service("registry");
        registry.stop(Duration.ofSeconds(20));
        platform.startService("registry", List.of("--osservatorio.outbox.relay.enabled=false"));
        platform.awaitHealthy("registry");

        HttpResponse<String> created = gateway.post("/api/registry/organisations", organisation("Stradivari Violins"))
                .bearer(cameraKey)
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        registry.kill();

        try (MongoClient mongo = MongoClients.create(config.mongoUri(""))) {
            Document stored = mongo.getDatabase("osservatorio_registry")
                    .getCollection("organisations")
                    .find(new Document("_id", id))
                    .first();
            assertThat(stored).isNotNull();
            assertThat(stored.getList("pendingEvents", Document.class)).hasSize(1);
        }
        assertThat(TopicReader.eventsFor(
                        config.kafkaBootstrap(), Topics.ORGANISATIONS, id::equals, 1, Duration.ofSeconds(2)))
                .as("nothing was sent before the crash")
                .isEmpty();

        platform.startService("registry", List.of());
        platform.awaitHealthy("registry");

        awaitReplicaVersion(id, 1);
        List<ReceivedEvent> published = TopicReader.eventsFor(
                config.kafkaBootstrap(), Topics.ORGANISATIONS, id::equals, 1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().aggregateVersion()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(appliedReplicaEvents()).isEqualTo(appliedBefore + 1));
    }

    @Test
    @Order(4)
    void shouldKeepEveryOrganisationWhenPlatformIsStoppedAndStartedAgain() {
        assertThat(persistedOrganisation).as("created by the first test").isNotNull();
        platform.close();
        platform = LocalPlatform.start(config);
        gateway = new HttpTestClient(platform.url("gateway"));

        HttpResponse<String> read = gateway.get("/api/registry/organisations/" + persistedOrganisation)
                .send();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("legalName").asString()).isEqualTo("Latteria Soresina");
        assertThat(gateway.post("/api/registry/organisations", organisation("After restart"))
                        .bearer(cameraKey)
                        .send()
                        .statusCode())
                .as("API keys survive a restart")
                .isEqualTo(201);
        awaitReplicaVersion(persistedOrganisation, 1);
    }

    @Test
    @Order(5)
    void shouldPublishProjectWithRegistryPartnerThroughGatewayAndStreamIt() {
        assertThat(persistedOrganisation).as("created by the first test").isNotNull();
        try (SseTestClient stream = SseTestClient.open(platform.url("gateway") + "/api/stream")) {
            String project = """
                    {"cup":"E11B26000010007","title":"Laboratorio condiviso della filiera lattiero-casearia",
                     "programme":{"kind":"FESR"},"axis":1,"comuniIstat":["019036"],"status":"APPROVED",
                     "totalCost":100000.00,"funding":{"eu":50000,"national":30000,"regional":20000},
                     "partners":[{"organisationId":"%s","role":"LEAD","budgetShare":100000}]}""".formatted(persistedOrganisation);

            HttpResponse<String> created = gateway.post("/api/projects/projects", project)
                    .bearer(cameraKey)
                    .send();

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).path("id").asString();
            assertThat(JSON.readTree(created.body())
                            .path("partners")
                            .path(0)
                            .path("legalName")
                            .asString())
                    .isEqualTo("Latteria Soresina");
            SseTestClient.Event event = stream.await(
                    e -> e.data().contains(id) && "it.osservatorio.projects.project.changed.v1".equals(e.name()),
                    Duration.ofSeconds(30));
            assertThat(JSON.readTree(event.data())
                            .path("payload")
                            .path("ownerInstitutionId")
                            .asString())
                    .isEqualTo("camera-commercio-cremona");
            assertThat(gateway.post("/api/projects/projects/" + id + "/status", "{\"status\":\"ONGOING\"}")
                            .bearer(provinciaKey)
                            .send()
                            .statusCode())
                    .as("another institution's project")
                    .isEqualTo(403);
            HttpResponse<String> illegal = gateway.post(
                            "/api/projects/projects/" + id + "/status", "{\"status\":\"COMPLETED\"}")
                    .bearer(cameraKey)
                    .send();
            assertThat(illegal.statusCode()).isEqualTo(409);
            assertThat(illegal.body()).contains("ONGOING");
            assertThat(gateway.get("/api/projects/projects/totals?by=programme&owner=camera-commercio-cremona")
                            .send()
                            .body())
                    .contains("\"key\":\"FESR\"");
        }
    }

    private static void awaitReplicaVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> replica =
                            gateway.get("/api/projects/organisations/" + id).send();
                    return replica.statusCode() == 200
                            && JSON.readTree(replica.body()).path("version").asLong() == version;
                });
    }

    private static double appliedReplicaEvents() {
        String metrics = new HttpTestClient(platform.url("projects"))
                .get("/actuator/prometheus")
                .send()
                .body();
        return metrics.lines()
                .filter(line ->
                        line.startsWith("osservatorio_replica_events_total") && line.contains("outcome=\"applied\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String institutionKey(String id, String name) {
        HttpResponse<String> created = gateway.post(
                        "/api/admin/institutions", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}")
                .bearer(platform.adminKey())
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> key = gateway.post(
                        "/api/admin/institutions/" + id + "/keys", "{\"scopes\":[\"read\",\"write\"]}")
                .bearer(platform.adminKey())
                .send();
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return JSON.readTree(key.body()).path("apiKey").asString();
    }

    private static String organisation(String legalName) {
        return """
                {"legalName":"%s","type":"IMPRESA","partitaIva":"%s",
                 "address":{"street":"Piazza del Comune 8","comune":"Cremona","comuneIstat":"019036","province":"CR",
                            "region":"Lombardia"},
                 "ecosystems":["Agroalimentare"]}""".formatted(legalName, PartitaIvaFixture.next());
    }
}
