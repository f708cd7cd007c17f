package it.osservatorio.indicators;

import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestEventProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on the in-process KRaft broker and the embedded MongoDB server, with the registry's producer at hand.
 * Integration tests extend it so that they share one application context, hence one member of the consumer group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningIndicatorsService {

    @LocalServerPort
    protected int port;

    protected TestEventProducer registry;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        LocalInfrastructure.register(properties, "indicators_it");
    }

    @BeforeEach
    void connectRegistry() {
        registry = new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service");
    }

    @AfterEach
    void disconnectRegistry() {
        registry.close();
    }
}
