package it.osservatorio.projects.organisationreplica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.TestEventProducer;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The replica fed by a real broker, as the registry publishes: each subclass provides the broker and the database.
 * Every test uses organisation ids of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class OrganisationReplicaScenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private HttpTestClient http;
    private TestEventProducer registry;

    abstract String bootstrapServers();

    @BeforeEach
    void connect() {
        http = new HttpTestClient("http://localhost:" + port);
        registry = new TestEventProducer(bootstrapServers(), "registry-service");
    }

    @AfterEach
    void disconnect() {
        registry.close();
    }

    @Test
    void shouldHoldNewestVersionWhenEventsArriveInOrderDuplicatedOrOutOfOrder() {
        String id = "org-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> first = record(organisation(id, 1));
        registry.send(first);
        awaitVersion(id, 1);
        registry.send(record(organisation(id, 2)));
        awaitVersion(id, 2);

        double stale = outcomes("stale");
        registry.send(first);
        awaitOutcomes("stale", stale + 1);
        assertThat(version(id)).isEqualTo(2);

        registry.send(record(organisation(id, 3)));
        awaitVersion(id, 3);
        registry.send(record(organisation(id, 2)));
        awaitOutcomes("stale", stale + 2);

        JsonNode held = JSON.readTree(http.get("/organisations/" + id).send().body());
        assertThat(held.path("version").asLong()).isEqualTo(3);
        assertThat(held.path("legalName").asString()).isEqualTo("Version 3 of " + id);
        assertThat(held.path("organisationId").asString()).isEqualTo(id);
    }

    @Test
    void shouldRemoveOrganisationWhenTombstoneArrivesAndNotResurrectItWhenOlderEventIsRedelivered() {
        String id = "org-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> registered = record(organisation(id, 1));
        registry.send(registered);
        awaitVersion(id, 1);

        registry.publish(registry.codec().tombstone(EventType.ORGANISATION_DELETED, id, 2, Instant.now()));
        await().atMost(PATIENCE).until(() -> status(id) == 404);
        double stale = outcomes("stale");
        registry.send(registered);
        awaitOutcomes("stale", stale + 1);

        HttpResponse<String> gone = http.get("/organisations/" + id).send();
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(gone.body()).path("detail").asString()).contains(id);
    }

    @Test
    void shouldDeadLetterRecordWithReasonAndGoOnWhenEventTypeIsUnknown() {
        String id = "org-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> unknownType = record(organisation(id, 1));
        unknownType.headers().remove("ce_type").add("ce_type", "com.example.unknown".getBytes(StandardCharsets.UTF_8));
        double rejected = outcomes("rejected");

        registry.send(unknownType);
        registry.send(record(organisation(id, 1)));

        awaitVersion(id, 1);
        List<ConsumerRecord<String, byte[]>> deadLetters = TopicReader.recordsFor(
                bootstrapServers(),
                Topics.deadLetter(Topics.ORGANISATIONS, "projects-service"),
                id::equals,
                1,
                PATIENCE);
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.getFirst();
        assertThat(header(deadLetter, "x-exception-message")).contains("Unknown event type 'com.example.unknown'");
        assertThat(header(deadLetter, "x-original-topic")).isEqualTo(Topics.ORGANISATIONS);
        assertThat(deadLetter.value()).isEqualTo(unknownType.value());
        assertThat(outcomes("rejected"))
                .as("a record that is not an event is not retried")
                .isEqualTo(rejected + 1);
    }

    @Test
    void shouldListOrganisationsByIdWhenPagingAfterAnId() {
        String prefix = "page-" + UUID.randomUUID();
        for (String suffix : List.of("-c", "-a", "-b")) {
            registry.send(record(organisation(prefix + suffix, 1)));
        }
        awaitVersion(prefix + "-a", 1);
        awaitVersion(prefix + "-b", 1);
        awaitVersion(prefix + "-c", 1);

        JsonNode page = JSON.readTree(
                http.get("/organisations?after=" + prefix + "&limit=2").send().body());
        assertThat(page.valueStream().map(o -> o.path("organisationId").asString()))
                .containsExactly(prefix + "-a", prefix + "-b");
        JsonNode next = JSON.readTree(
                http.get("/organisations?after=" + prefix + "-b&limit=1").send().body());
        assertThat(next.path(0).path("organisationId").asString()).isEqualTo(prefix + "-c");
    }

    @Test
    void shouldAnswerProblemNamingTheFieldWhenPageSizeIsOutOfRange() {
        HttpResponse<String> response = http.get("/organisations?limit=0").send();

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errors").path(0).path("field").asString()).isEqualTo("limit");
        assertThat(problem.path("errors").path(0).path("message").asString()).contains("between 1 and 500");
    }

    private static OrganisationChanged organisation(String id, long version) {
        return EventFixture.organisationChanged()
                .organisationId(id)
                .version(version)
                .legalName("Version " + version + " of " + id)
                .build();
    }

    private ProducerRecord<String, byte[]> record(OrganisationChanged organisation) {
        return registry.codec().toRecord(registry.codec().envelope(organisation));
    }

    private void awaitVersion(String id, long version) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> version(id) == version);
    }

    private int status(String id) {
        return http.get("/organisations/" + id).send().statusCode();
    }

    private long version(String id) {
        HttpResponse<String> response = http.get("/organisations/" + id).send();
        return response.statusCode() == 200
                ? JSON.readTree(response.body()).path("version").asLong()
                : -1;
    }

    private void awaitOutcomes(String outcome, double atLeast) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> outcomes(outcome) >= atLeast);
    }

    /** The replica's event counter for one outcome, as Prometheus scrapes it. */
    private double outcomes(String outcome) {
        return http.get("/actuator/prometheus")
                .send()
                .body()
                .lines()
                .filter(line -> line.startsWith("osservatorio_replica_events_total{")
                        && line.contains("outcome=\"" + outcome + "\"")
                        && line.contains("replica=\"" + OrganisationReplicaConfiguration.COLLECTION + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
