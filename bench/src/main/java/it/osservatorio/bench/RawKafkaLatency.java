package it.osservatorio.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Baseline: produce→consume latency on the same broker with the platform's producer settings (idempotent,
 * acks=all), at a fixed rate.
 */
final class RawKafkaLatency {

    private final String bootstrapServers;
    private final String topic = "osservatorio.bench.raw." + System.currentTimeMillis();

    RawKafkaLatency(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Latencies run(int ratePerSecond, Duration duration) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic + "." + ratePerSecond, 3, (short) 1)))
                    .all()
                    .get();
        }
        String runTopic = topic + "." + ratePerSecond;
        Latencies latencies = new Latencies();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumerThread =
                Thread.ofPlatform().name("bench-raw-consumer").start(() -> consume(runTopic, latencies, consuming));
        Thread.sleep(1_000);
        AtomicLong sequence = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            FixedRate.run(ratePerSecond, duration, () -> {
                String id = Long.toString(sequence.incrementAndGet());
                latencies.sent(id, System.nanoTime());
                producer.send(new ProducerRecord<>(runTopic, id, id), (metadata, error) -> {
                    if (error != null) {
                        latencies.failed();
                    }
                });
            });
            producer.flush();
        }
        Drain.await(latencies, Duration.ofSeconds(10));
        consuming.set(false);
        consumerThread.join(5_000);
        return latencies;
    }

    private void consume(String runTopic, Latencies latencies, AtomicBoolean consuming) {
        Properties properties = consumerProperties(bootstrapServers, StringDeserializer.class, 100);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(runTopic).stream()
                    .map(info -> new TopicPartition(runTopic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (consuming.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    latencies.received(record.value(), System.nanoTime());
                }
            }
        }
    }

    /** A consumer without a group's commits (the caller assigns and seeks), string keys, polling every few ms. */
    static Properties consumerProperties(String bootstrapServers, Class<?> valueDeserializer, int fetchMaxWaitMillis) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, fetchMaxWaitMillis);
        return properties;
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return properties;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
