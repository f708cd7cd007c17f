package it.osservatorio.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay of a service that declares at least one {@link OutboxCollection}. Its producer is idempotent with
 * acks=all whatever the service configures, because the outbox's guarantees depend on it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"
        })
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(OutboxCollection.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    EventCodec eventCodec(@Value("${spring.application.name}") String serviceName) {
        return new EventCodec(serviceName);
    }

    @Bean(destroyMethod = "destroy")
    DefaultKafkaProducerFactory<String, byte[]> outboxProducerFactory(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        // a relay round sends up to its batch size of events at once (a bulk import: hundreds of state events of
        // about 1 KB): with the default 16 KB per partition batch that took dozens of produce requests, each costing
        // the broker and every consumer's fetch a round
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            DefaultKafkaProducerFactory<String, byte[]> outboxProducerFactory,
            EventCodec eventCodec,
            List<OutboxCollection> collections,
            OutboxProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(
                mongo, new KafkaTemplate<>(outboxProducerFactory), eventCodec, collections, properties, meters);
    }
}
