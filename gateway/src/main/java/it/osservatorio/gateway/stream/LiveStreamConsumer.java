package it.osservatorio.gateway.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.Topics;
import it.osservatorio.platform.polling.PollingConsumer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the live event log from every platform topic ({@link Topics#ALL}) with a plain Kafka consumer, a poll at a
 * time. Each gateway instance reads every partition in its own consumer group, commits nothing, and on every
 * assignment starts {@code bufferSize} records before each partition's end: clients resuming from further back are
 * served from Kafka directly. It never creates a topic (the owning service does, with its compaction settings): a
 * topic that does not exist yet is picked up once it does. A record that is not a platform event goes to the
 * dead-letter topic of its own topic, group {@value #DEAD_LETTER_GROUP}, with the reason.
 */
class LiveStreamConsumer extends PollingConsumer {

    static final String DEAD_LETTER_GROUP = "gateway-live";
    private static final Logger log = LoggerFactory.getLogger(LiveStreamConsumer.class);

    private final String group;
    private final LiveEventLog events;
    private final Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> toContent;
    private final int bufferSize;
    private final Counter deadLettered;

    LiveStreamConsumer(
            String bootstrapServers,
            String group,
            LiveEventLog events,
            Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> toContent,
            int bufferSize,
            MeterRegistry meters) {
        super(bootstrapServers, "live-stream-consumer", Duration.ofMillis(500));
        this.group = group;
        this.events = events;
        this.toContent = toContent;
        this.bufferSize = bufferSize;
        this.deadLettered = Counter.builder("osservatorio.gateway.stream.dead-lettered")
                .description("Records of the platform topics that were not platform events")
                .register(meters);
    }

    @Override
    protected Map<String, Object> settings() {
        return Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                false,
                // a topic created after the gateway started is found within this time
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                5_000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2_000);
    }

    @Override
    protected void subscribe(KafkaConsumer<String, byte[]> consumer) {
        consumer.subscribe(Topics.ALL, new TailOnAssignment(consumer));
    }

    @Override
    protected void handle(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> consumer) {
        for (ConsumerRecord<String, byte[]> record : records) {
            append(record);
        }
    }

    private void append(ConsumerRecord<String, byte[]> record) {
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
            deadLetters().send(Topics.deadLetter(record.topic(), DEAD_LETTER_GROUP), record, e.getMessage());
            return;
        }
        events.append(record.topic(), record.partition(), record.offset(), content.name(), content.data());
    }

    /** Seeks each assigned partition to its tail: what the live buffer holds, no more. */
    private final class TailOnAssignment implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> consumer;

        TailOnAssignment(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

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
}
