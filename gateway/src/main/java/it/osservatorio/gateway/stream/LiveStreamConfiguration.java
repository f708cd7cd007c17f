package it.osservatorio.gateway.stream;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.gateway.GatewayProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live stream: the event log fed from every platform topic, the clients' heartbeats, and the gap reader. */
@Configuration(proxyBeanMethods = false)
class LiveStreamConfiguration {

    @Bean
    LiveEventLog liveEventLog(GatewayProperties properties) {
        return new LiveEventLog(properties.stream().bufferSize());
    }

    /** Converts a record, read live or for a resume gap, into the stream's event name and data line. */
    @Bean
    Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> liveEventContent() {
        EventCodec codec = new EventCodec("gateway");
        return record -> LiveEvent.Content.of(codec, record);
    }

    @Bean
    LiveStreamConsumer liveStreamConsumer(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${osservatorio.gateway.instance-id}") String instanceId,
            LiveEventLog liveEventLog,
            Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> liveEventContent,
            GatewayProperties properties,
            MeterRegistry meters) {
        return new LiveStreamConsumer(
                bootstrapServers,
                "gateway-live-" + instanceId,
                liveEventLog,
                liveEventContent,
                properties.stream().bufferSize(),
                meters);
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
}
