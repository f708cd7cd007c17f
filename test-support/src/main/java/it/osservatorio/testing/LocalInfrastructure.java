package it.osservatorio.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Kafka broker in KRaft mode and the MongoDB wire-protocol server, started in this JVM once and shared by
 * every integration test of the JVM (each test uses its own database and ids, so they do not interfere).
 */
public final class LocalInfrastructure {

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static String mongoAddress;

    private LocalInfrastructure() {}

    public static synchronized void start() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.afterPropertiesSet();
            kafka = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy, "embedded-kafka-stop"));
        }
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            InetSocketAddress address = mongo.getLocalAddress();
            mongoAddress = "127.0.0.1:" + address.getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow, "embedded-mongo-stop"));
        }
    }

    public static String kafkaBootstrapServers() {
        start();
        return kafka.getBrokersAsString();
    }

    public static String mongoUri(String database) {
        start();
        return "mongodb://" + mongoAddress + "/" + database;
    }

    /** Points a Spring Boot service under test at the shared broker, a database of its own, and the test key. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        start();
        registry.add("spring.kafka.bootstrap-servers", LocalInfrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoUri(database));
        TestIdentity.register(registry);
    }
}
