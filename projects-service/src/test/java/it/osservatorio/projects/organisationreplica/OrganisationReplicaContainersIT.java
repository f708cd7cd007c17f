package it.osservatorio.projects.organisationreplica;

import it.osservatorio.testing.TestIdentity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** The replica scenarios on the official Kafka and MongoDB images; skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class OrganisationReplicaContainersIT extends OrganisationReplicaScenarios {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // started here too (start is idempotent), whichever extension's beforeAll runs first
        KAFKA.start();
        MONGO.start();
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("osservatorio_projects"));
        TestIdentity.register(registry);
    }

    @Override
    String bootstrapServers() {
        return KAFKA.getBootstrapServers();
    }
}
