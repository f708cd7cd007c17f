package it.osservatorio.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records a consumer cannot process to its dead-letter topic, with the original headers and the reason in the
 * same headers the Spring Cloud Stream binder writes ({@code x-exception-message}, {@code x-original-topic},
 * {@code x-original-partition}, {@code x-original-offset}).
 */
public final class DeadLetters implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public DeadLetters(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Sends and waits for the broker's acknowledgement, so that the consumer may commit past the record. */
    public void send(String deadLetterTopic, ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(deadLetterTopic, record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        dead.headers().add("x-exception-message", utf8(reason));
        dead.headers().add("x-original-topic", utf8(record.topic()));
        dead.headers().add("x-original-partition", utf8(String.valueOf(record.partition())));
        dead.headers().add("x-original-offset", utf8(String.valueOf(record.offset())));
        try {
            producer.send(dead).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "Could not dead-letter a record: " + e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static byte[] utf8(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
