package it.osservatorio.gateway.stream;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.gateway.GatewayProperties;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the live event log from every platform topic through the binding {@code liveStream-in-0}. Each gateway
 * instance reads every partition (its own consumer group) and, on start, only the last {@code bufferSize} records
 * of each partition: clients resuming from further back are served from Kafka directly.
 */
@Configuration(proxyBeanMethods = false)
class LiveStreamConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String DEAD_LETTER_GROUP = "gateway-live";

    record LiveEventData(
            String id, String type, String source, String subject, Instant time, long version, Object payload) {}

    @Bean
    LiveEventLog liveEventLog(GatewayProperties properties) {
        return new LiveEventLog(properties.stream().bufferSize());
    }

    @Bean
    EventCodec liveStreamCodec() {
        return new EventCodec("gateway");
    }

    /** The live stream reads several topics; an unreadable record goes to the dead-letter topic of its own topic. */
    @Bean
    DlqDestinationResolver liveStreamDeadLetters() {
        return (record, exception) -> Topics.deadLetter(record.topic(), DEAD_LETTER_GROUP);
    }

    @Bean
    KafkaGapReader kafkaGapReader(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        return new KafkaGapReader(bootstrapServers);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService liveStreamHeartbeats() {
        return Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("live-heartbeat").daemon().unstarted(runnable));
    }

    @Bean
    Consumer<Message<?>> liveStream(LiveEventLog log, EventCodec liveStreamCodec) {
        return message -> {
            MessageHeaders headers = message.getHeaders();
            ReceivedEvent event = liveStreamCodec.read(
                    (String) headers.get(KafkaHeaders.RECEIVED_KEY), headers, message.getPayload());
            log.append(
                    (String) headers.get(KafkaHeaders.RECEIVED_TOPIC),
                    (Integer) headers.get(KafkaHeaders.RECEIVED_PARTITION),
                    (Long) headers.get(KafkaHeaders.OFFSET),
                    event.type().ceType(),
                    data(event));
        };
    }

    /** Converts a record read outside the binding (a resume gap) the same way as the binding does. */
    @Bean
    java.util.function.Function<ConsumerRecord<String, byte[]>, LiveEvent> gapRecordConverter(
            EventCodec liveStreamCodec) {
        return record -> {
            ReceivedEvent event = liveStreamCodec.read(record.key(), record.headers(), record.value());
            return new LiveEvent(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    "",
                    event.type().ceType(),
                    data(event));
        };
    }

    @Bean
    KafkaBindingRebalanceListener replayTailOnStart(LiveEventLog log, GatewayProperties properties) {
        return new KafkaBindingRebalanceListener() {
            @Override
            public void onPartitionsAssigned(
                    String bindingName,
                    org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                    Collection<TopicPartition> partitions,
                    boolean initial) {
                Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    long start = Math.max(
                            beginnings.get(partition),
                            ends.get(partition) - properties.stream().bufferSize());
                    consumer.seek(partition, start);
                    log.startsAt(partition.topic(), partition.partition(), start);
                }
            }
        };
    }

    static String data(ReceivedEvent event) {
        return JSON.writeValueAsString(new LiveEventData(
                event.id(),
                event.type().ceType(),
                event.source().toString(),
                event.subject(),
                event.time(),
                event.aggregateVersion(),
                event.payload().orElse(null)));
    }
}
