package it.osservatorio.registry.organisation;

import static it.osservatorio.registry.organisation.OrganisationRequestFixture.anOrganisation;
import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;

/** The outbox against the official Kafka and MongoDB (replica set) images; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationPublishingContainersIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        KAFKA.start();
        MONGO.start();
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("osservatorio_registry"));
        TestIdentity.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void shouldPublishOrganisationWithVersionWhenCreatedAndUpdated() {
        HttpTestClient http = new HttpTestClient("http://localhost:" + port);
        String token = TestIdentity.token("camera-commercio-cremona", "read", "write");

        HttpResponse<String> created = http.post(
                        "/organisations", anOrganisation().json())
                .bearer(token)
                .send();
        String id =
                JsonMapper.builder().build().readTree(created.body()).path("id").asString();
        http.put("/organisations/" + id, anOrganisation().legalName("Renamed").json())
                .bearer(token)
                .header("If-Match", "\"1\"")
                .send();

        assertThat(created.statusCode()).isEqualTo(201);
        List<ReceivedEvent> events = TopicReader.eventsFor(
                KAFKA.getBootstrapServers(), Topics.ORGANISATIONS, id::equals, 2, Duration.ofSeconds(60));
        assertThat(events).extracting(ReceivedEvent::aggregateVersion).containsExactly(1L, 2L);
    }
}
