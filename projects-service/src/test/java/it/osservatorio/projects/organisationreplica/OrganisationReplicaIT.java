package it.osservatorio.projects.organisationreplica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.Topics;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestEventProducer;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationReplicaIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "projects_replica_it");
    }

    @LocalServerPort
    int port;

    HttpTestClient http;
    TestEventProducer producer;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://localhost:" + port);
        producer = new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service");
    }

    @AfterEach
    void tearDown() {
        producer.close();
    }

    @Test
    void shouldHoldNewestVersionWhenEventsArriveDuplicatedOrOutOfOrder() {
        String id = "org-" + UUID.randomUUID();
        producer.publish(
                EventFixture.organisationChanged().organisationId(id).version(1).build());
        awaitVersion(id, 1);

        producer.publish(EventFixture.organisationChanged()
                .organisationId(id)
                .version(3)
                .legalName("Third")
                .build());
        producer.publish(EventFixture.organisationChanged()
                .organisationId(id)
                .version(2)
                .legalName("Second")
                .build());
        producer.publish(EventFixture.organisationChanged()
                .organisationId(id)
                .version(1)
                .legalName("First")
                .build());
        String marker = "org-" + UUID.randomUUID();
        producer.publish(EventFixture.organisationChanged()
                .organisationId(marker)
                .version(1)
                .build());
        awaitVersion(marker, 1);

        HttpResponse<String> held = http.get("/organisations/" + id).send();
        assertThat(JSON.readTree(held.body()).path("version").asLong()).isEqualTo(3);
        assertThat(JSON.readTree(held.body()).path("legalName").asString()).isEqualTo("Third");
        assertThat(metric("osservatorio_replica_events_total{outcome=\"stale\""))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRemoveOrganisationWhenTombstoneArrivesAndNotResurrectIt() {
        String id = "org-" + UUID.randomUUID();
        producer.publish(
                EventFixture.organisationChanged().organisationId(id).version(1).build());
        awaitVersion(id, 1);

        producer.publish(producer.codec().tombstone(EventType.ORGANISATION_DELETED, id, 2, Instant.now()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/organisations/" + id).send().statusCode() == 404);

        producer.publish(
                EventFixture.organisationChanged().organisationId(id).version(1).build());
        String marker = "org-" + UUID.randomUUID();
        producer.publish(EventFixture.organisationChanged()
                .organisationId(marker)
                .version(1)
                .build());
        awaitVersion(marker, 1);
        assertThat(http.get("/organisations/" + id).send().statusCode()).isEqualTo(404);
    }

    @Test
    void shouldSendRecordToDeadLetterTopicWithReasonAndGoOnWhenRecordIsNotAnEvent() {
        String badKey = "org-bad-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(
                Topics.ORGANISATIONS, badKey, "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_id", "bad-1".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_source", "/somewhere".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add("ce_type", "com.example.unknown".getBytes(StandardCharsets.UTF_8));
        producer.send(garbage);
        String after = "org-" + UUID.randomUUID();
        producer.publish(EventFixture.organisationChanged()
                .organisationId(after)
                .version(1)
                .build());

        awaitVersion(after, 1);
        var deadLetters = TopicReader.recordsFor(
                LocalInfrastructure.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.ORGANISATIONS, "projects-service"),
                badKey::equals,
                1,
                Duration.ofSeconds(30));
        assertThat(deadLetters).hasSize(1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetters.getFirst();
        assertThat(new String(
                        deadLetter.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                .contains("Unknown event type 'com.example.unknown'");
    }

    private void awaitVersion(String id, long version) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> response =
                            http.get("/organisations/" + id).send();
                    return response.statusCode() == 200
                            && JSON.readTree(response.body()).path("version").asLong() == version;
                });
    }

    private double metric(String prefix) {
        String body = http.get("/actuator/prometheus").send().body();
        return body.lines()
                .filter(line -> line.startsWith(prefix.substring(0, prefix.indexOf('{')))
                        && line.contains(prefix.substring(prefix.indexOf('{') + 1)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
