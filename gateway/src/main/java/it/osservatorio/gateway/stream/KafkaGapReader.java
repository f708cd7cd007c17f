package it.osservatorio.gateway.stream;

import it.osservatorio.contracts.EventDecodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a range of one partition that the live buffer no longer holds, for a client resuming from long ago. */
public class KafkaGapReader {

    private final String bootstrapServers;

    public KafkaGapReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public List<LiveEvent> read(
            LiveEventLog.Gap gap, Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> toContent) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "gateway-gap-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                1000);
        List<LiveEvent> events = new ArrayList<>();
        TopicPartition partition = new TopicPartition(gap.topic(), gap.partition());
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            long start = Math.max(
                    gap.from(), consumer.beginningOffsets(List.of(partition)).get(partition));
            consumer.seek(partition, start);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) <= gap.to() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() <= gap.to()) {
                        try {
                            LiveEvent.Content content = toContent.apply(record);
                            events.add(new LiveEvent(
                                    record.topic(),
                                    record.partition(),
                                    record.offset(),
                                    content.name(),
                                    content.data()));
                        } catch (EventDecodingException e) {
                            // not a platform event: the live consumer dead-lettered it when it first read it
                        }
                    }
                }
            }
        }
        return events;
    }
}
