package it.osservatorio.testing;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.ReceivedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning with a plain consumer and decodes records with the platform's codec. */
public final class TopicReader {

    private TopicReader() {}

    /** Every event on the topic whose record key matches, waiting up to {@code timeout} for at least {@code count}. */
    public static List<ReceivedEvent> eventsFor(
            String bootstrapServers, String topic, Predicate<String> key, int count, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = recordsFor(bootstrapServers, topic, key, count, timeout);
        EventCodec codec = new EventCodec("test-reader");
        List<ReceivedEvent> events = new ArrayList<>();
        records.forEach(r -> events.add(codec.read(r.key(), r.headers(), r.value())));
        return events;
    }

    public static List<ConsumerRecord<String, byte[]>> recordsFor(
            String bootstrapServers, String topic, Predicate<String> key, int count, Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (matching.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && key.test(record.key())) {
                        matching.add(record);
                    }
                }
            }
            // a short extra poll so that tests also see records beyond the expected count (duplicates)
            long settle = System.nanoTime() + Duration.ofMillis(500).toNanos();
            while (System.nanoTime() < settle) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.key() != null && key.test(record.key())) {
                        matching.add(record);
                    }
                }
            }
        }
        return matching;
    }
}
