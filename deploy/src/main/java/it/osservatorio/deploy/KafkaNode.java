package it.osservatorio.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node) run from the Kafka artifacts
 * as its own process, with its log on disk: the storage is formatted once, then reused on every start.
 */
final class KafkaNode {

    private final PlatformConfig config;

    KafkaNode(PlatformConfig config) {
        this.config = config;
    }

    ChildProcess start() {
        Path directory = config.home().resolve("kafka");
        Path properties = config.home().resolve("kafka-server.properties");
        try {
            Files.createDirectories(directory);
            Files.writeString(properties, serverProperties(directory));
            format(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess broker = new ChildProcess(
                "kafka",
                JavaCommand.mainClass("kafka.Kafka", "768m", List.of(properties.toString())),
                config.logs().resolve("kafka.log"));
        broker.start();
        broker.awaitPort(config.kafkaPort(), Duration.ofSeconds(90));
        return broker;
    }

    private void format(Path properties) throws IOException {
        Path clusterIdFile = config.home().resolve("kafka-cluster-id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        ChildProcess storageTool = new ChildProcess(
                "kafka-storage-format",
                JavaCommand.mainClass(
                        "kafka.tools.StorageTool",
                        "256m",
                        List.of("format", "-t", clusterId, "-c", properties.toString(), "--ignore-formatted")),
                config.logs().resolve("kafka-format.log"));
        storageTool.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (storageTool.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (storageTool.isAlive()) {
            storageTool.kill();
            throw new IllegalStateException("Formatting the Kafka storage did not finish:\n" + storageTool.tail(20));
        }
    }

    private String serverProperties(Path directory) {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                auto.create.topics.enable=true
                group.initial.rebalance.delay.ms=0
                log.cleaner.enable=true
                log.flush.interval.ms=1000
                """.formatted(config.kafkaPort(), config.controllerPort(), directory.toAbsolutePath());
    }
}
