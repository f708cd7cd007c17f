package it.osservatorio.gateway.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.Topics;
import it.osservatorio.platform.deadletter.DeadLetters;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds the live event log from every platform topic ({@link Topics#ALL}) with a plain Kafka consumer, a poll at a
 * time. Each gateway instance reads every partition in its own consumer group, commits nothing, and on every
 * assignment starts {@code bufferSize} records before each partition's end: clients resuming from further back are
 * served from Kafka directly. It never creates a topic (the owning service does, with its compaction settings): a
 * topic that does not exist yet is picked up once it does. A record that is not a platform event goes to the
 * dead-letter topic of its own topic, group {@value #DEAD_LETTER_GROUP}, with the reason.
 */
class LiveStreamConsumer implements SmartLifecycle {

    static final String DEAD_LETTER_GROUP = "gateway-live";
    private static final Logger log = LoggerFactory.getLogger(LiveStreamConsumer.class);

    private final String bootstrapServers;
    private final String group;
    private final LiveEventLog events;
    private final Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> toContent;
    private final int bufferSize;
    private final Counter deadLettered;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    LiveStreamConsumer(
            String bootstrapServers,
            String group,
            LiveEventLog events,
            Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> toContent,
            int bufferSize,
            MeterRegistry meters) {
        this.bootstrapServers = bootstrapServers;
        this.group = group;
        this.events = events;
        this.toContent = toContent;
        this.bufferSize = bufferSize;
        this.deadLettered = Counter.builder("osservatorio.gateway.stream.dead-lettered")
                .description("Records of the platform topics that were not platform events")
                .register(meters);
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // a topic created after the gateway started is found within this time
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5_000);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        running = true;
        thread = Thread.ofPlatform().name("live-stream-consumer").start(this::run);
    }

    private void run() {
        try (DeadLetters deadLetters = new DeadLetters(bootstrapServers)) {
            consumer.subscribe(Topics.ALL, new TailOnAssignment());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    append(record, deadLetters);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Live stream consumer stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void append(ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        LiveEvent.Content content;
        try {
            content = toContent.apply(record);
        } catch (EventDecodingException e) {
            deadLettered.increment();
            log.warn(
                    "Record {}-{}@{} is not a platform event; dead-lettered: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            deadLetters.send(Topics.deadLetter(record.topic(), DEAD_LETTER_GROUP), record, e.getMessage());
            return;
        }
        events.append(record.topic(), record.partition(), record.offset(), content.name(), content.data());
    }

    /** Seeks each assigned partition to its tail: what the live buffer holds, no more. */
    private final class TailOnAssignment implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long start = Math.max(beginnings.get(partition), ends.get(partition) - bufferSize);
                consumer.seek(partition, start);
                events.startsAt(partition.topic(), partition.partition(), start);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing committed, nothing to hand over
        }
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
