package it.osservatorio.indicators;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.computed.adapter.SourceTopicsConsumer;
import it.osservatorio.indicators.computed.application.ComputedIndicators;
import it.osservatorio.indicators.values.adapter.ObservationTopicConsumer;
import it.osservatorio.indicators.values.application.ValueLedger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The observations consumer and the computation over the registry's and projects' topics. */
@Configuration(proxyBeanMethods = false)
class StreamsConfiguration {

    @Bean
    ObservationTopicConsumer observationTopicConsumer(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers,
            ValueLedger ledger,
            MeterRegistry meters) {
        return new ObservationTopicConsumer(bootstrapServers, ledger, meters);
    }

    @Bean
    ComputedIndicators computedIndicators(Catalogue catalogue, ValueLedger ledger) {
        return new ComputedIndicators(catalogue, ledger);
    }

    @Bean
    SourceTopicsConsumer sourceTopicsConsumer(
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, ComputedIndicators computed) {
        return new SourceTopicsConsumer(bootstrapServers, computed);
    }
}
