package it.osservatorio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.Topics;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.SseTestClient;
import it.osservatorio.testing.TestEventProducer;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveStreamIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "gateway_stream_it");
        registry.add("osservatorio.gateway.admin-key", () -> "oss_admin_" + UUID.randomUUID());
        registry.add("osservatorio.identity.private-key-location", TestIdentity::privateKeyLocation);
        registry.add("osservatorio.identity.public-key-location", TestIdentity::publicKeyLocation);
        registry.add("osservatorio.gateway.oauth.signing-key-file", () -> OAuthTestKeys.newSigningKeyFile()
                .toString());
        registry.add("osservatorio.gateway.instance-id", () -> UUID.randomUUID().toString());
        registry.add("osservatorio.gateway.stream.buffer-size", () -> "3");
    }

    @LocalServerPort
    int port;

    @Test
    void shouldResumeWithoutGapWhenClientReconnectsWithLastEventId() {
        String url = "http://localhost:" + port + "/api/stream";
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestEventProducer producer =
                        new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service");
                SseTestClient first = SseTestClient.open(url)) {
            assertThat(first.status()).isEqualTo(200);
            awaitLive(producer, first, run);
            producer.publish(EventFixture.organisationChanged()
                    .organisationId(run + "-a")
                    .build());
            SseTestClient.Event seen = first.await(e -> e.data().contains(run + "-a"), Duration.ofSeconds(20));
            assertThat(seen.name()).isEqualTo("it.osservatorio.registry.organisation.changed.v1");
            JsonNode data = JSON.readTree(seen.data());
            assertThat(data.path("subject").asString()).isEqualTo(run + "-a");
            assertThat(data.path("version").asLong()).isEqualTo(1);
            assertThat(data.path("payload").path("legalName").asString()).isNotBlank();
            first.close();

            // more than the buffer holds (3), so part of the resume comes from Kafka
            for (String suffix : List.of("b", "c", "d", "e", "f")) {
                producer.publish(EventFixture.organisationChanged()
                        .organisationId(run + "-" + suffix)
                        .build());
            }

            try (SseTestClient resumed = SseTestClient.resume(url, seen.id())) {
                List<String> subjects = subjectsOf(resumed.collect(Duration.ofSeconds(6)), run);
                assertThat(subjects)
                        .containsExactlyInAnyOrder(run + "-b", run + "-c", run + "-d", run + "-e", run + "-f");
            }
        }
    }

    @Test
    void shouldSendNothingOldWhenClientConnectsWithoutLastEventId() {
        String url = "http://localhost:" + port + "/api/stream";
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestEventProducer producer =
                new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service")) {
            producer.publish(EventFixture.organisationChanged()
                    .organisationId(run + "-old")
                    .build());
            try (SseTestClient client = SseTestClient.open(url)) {
                awaitLive(producer, client, run);
                producer.publish(EventFixture.organisationChanged()
                        .organisationId(run + "-new")
                        .build());
                client.await(e -> e.data().contains(run + "-new"), Duration.ofSeconds(20));
            }
        }
    }

    @Test
    void shouldStreamClusterChangesWhenTheNetworksTopicCarriesThem() {
        String url = "http://localhost:" + port + "/api/stream";
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestEventProducer producer =
                        new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service");
                SseTestClient client = SseTestClient.open(url)) {
            awaitLive(producer, client, run);
            producer.publish(
                    EventFixture.networkChanged().networkId("cluster-" + run).build());

            SseTestClient.Event seen = client.await(e -> e.data().contains("cluster-" + run), Duration.ofSeconds(20));
            assertThat(seen.name()).isEqualTo("it.osservatorio.registry.network.changed.v1");
            JsonNode data = JSON.readTree(seen.data());
            assertThat(data.path("subject").asString()).isEqualTo("cluster-" + run);
            assertThat(data.path("payload").path("kind").asString()).isEqualTo("CLUSTER");
        }
    }

    @Test
    void shouldSendOnlyMatchingEventsWhenClientFiltersByAxisKindAndOrganisation() {
        String url = "http://localhost:" + port + "/api/stream";
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestEventProducer registry =
                        new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service");
                TestEventProducer projects =
                        new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "projects-service");
                SseTestClient all = SseTestClient.open(url)) {
            awaitLive(registry, all, run);
            try (SseTestClient axisProjects = SseTestClient.open(url + "?axis=1&kinds=project");
                    SseTestClient otherAxis = SseTestClient.open(url + "?axis=5");
                    SseTestClient oneOrganisation = SseTestClient.open(url + "?organisation=" + run + "-x")) {
                registry.publish(EventFixture.organisationChanged()
                        .organisationId(run + "-x")
                        .build());
                registry.publish(EventFixture.organisationChanged()
                        .organisationId(run + "-y")
                        .build());
                projects.publish(
                        EventFixture.projectChanged().projectId(run + "-prj").build());
                all.await(e -> e.data().contains(run + "-prj"), Duration.ofSeconds(20));

                assertThat(subjectsOf(axisProjects.collect(Duration.ofSeconds(2)), run))
                        .containsExactly(run + "-prj");
                assertThat(subjectsOf(otherAxis.collect(Duration.ofMillis(500)), run))
                        .isEmpty();
                assertThat(subjectsOf(oneOrganisation.collect(Duration.ofMillis(500)), run))
                        .containsExactly(run + "-x");
            }
        }
    }

    @Test
    void shouldDeadLetterRecordAndGoOnWhenRecordIsNotPlatformEvent() {
        String url = "http://localhost:" + port + "/api/stream";
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TestEventProducer producer =
                        new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service");
                SseTestClient client = SseTestClient.open(url)) {
            awaitLive(producer, client, run);
            ProducerRecord<String, byte[]> valid = producer.codec()
                    .toRecord(producer.codec()
                            .envelope(EventFixture.organisationChanged()
                                    .organisationId(run + "-poison")
                                    .build()));
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(
                    valid.topic(), null, valid.key(), "{\"legalName\":".getBytes(StandardCharsets.UTF_8));
            valid.headers().forEach(header -> poison.headers().add(header));
            producer.send(poison);
            producer.publish(EventFixture.organisationChanged()
                    .organisationId(run + "-after")
                    .build());

            client.await(e -> e.data().contains(run + "-after"), Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> dead = TopicReader.recordsFor(
                    LocalInfrastructure.kafkaBootstrapServers(),
                    Topics.deadLetter(Topics.ORGANISATIONS, "gateway-live"),
                    (run + "-poison")::equals,
                    1,
                    Duration.ofSeconds(20));
            assertThat(dead).hasSize(1);
            assertThat(new String(
                            dead.getFirst()
                                    .headers()
                                    .lastHeader("x-exception-message")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("not valid JSON");
        }
    }

    @Test
    void shouldExplainFilterWhenAxisIsNotOneToEight() {
        var response = new it.osservatorio.testing.HttpTestClient("http://localhost:" + port)
                .get("/api/stream?axis=9&kinds=bad%20kind")
                .send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"axis\"").contains("\"field\":\"kinds\"");
    }

    private static void awaitLive(TestEventProducer producer, SseTestClient client, String run) {
        // the gateway's consumer may still be joining its group: publish probes until one arrives
        for (int attempt = 0; attempt < 30; attempt++) {
            String probe = run + "-probe-" + attempt;
            producer.publish(
                    EventFixture.organisationChanged().organisationId(probe).build());
            try {
                client.await(e -> e.data().contains(probe), Duration.ofSeconds(1));
                return;
            } catch (AssertionError notYet) {
                // try again
            }
        }
        throw new AssertionError("The live stream never delivered a probe event");
    }

    private static List<String> subjectsOf(List<SseTestClient.Event> events, String run) {
        return events.stream()
                .map(e -> JSON.readTree(e.data()).path("subject").asString())
                .filter(s -> s.startsWith(run) && !s.contains("probe"))
                .toList();
    }
}
