package it.osservatorio.indicators;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.indicators.catalogue.adapter.MongoAddedIndicators;
import it.osservatorio.indicators.catalogue.adapter.PactCatalogueResource;
import it.osservatorio.indicators.catalogue.domain.Catalogue;
import it.osservatorio.indicators.catalogue.domain.DeclaredComputedIndicators;
import it.osservatorio.indicators.catalogue.domain.Indicator;
import it.osservatorio.indicators.values.adapter.MongoSeriesStore;
import it.osservatorio.indicators.values.adapter.MongoTargetStore;
import it.osservatorio.indicators.values.application.ValueLedger;
import it.osservatorio.indicators.values.domain.Thresholds;
import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.platform.outbox.OutboxRelay;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The catalogue, the series cells and their outbox, the targets and the ledger that writes them. */
@Configuration(proxyBeanMethods = false)
class IndicatorsConfiguration {

    @Bean
    OutboxCollection indicatorSeriesOutbox() {
        return new OutboxCollection(MongoSeriesStore.COLLECTION);
    }

    @Bean
    MongoAddedIndicators addedIndicators(MongoTemplate mongo) {
        return new MongoAddedIndicators(mongo);
    }

    @Bean
    Catalogue catalogue(MongoAddedIndicators added) {
        PactCatalogueResource pact = new PactCatalogueResource();
        List<Indicator> indicators = new ArrayList<>(pact.indicators());
        indicators.addAll(DeclaredComputedIndicators.all());
        indicators.addAll(added.all());
        return new Catalogue(pact.axes(), indicators);
    }

    @Bean
    Thresholds defaultThresholds(
            @Value("${osservatorio.indicators.thresholds.at-risk-percent:5}") BigDecimal atRisk,
            @Value("${osservatorio.indicators.thresholds.off-track-percent:15}") BigDecimal offTrack) {
        return new Thresholds(atRisk, offTrack);
    }

    @Bean
    ValueLedger valueLedger(
            Catalogue catalogue, MongoTemplate mongo, EventCodec codec, OutboxRelay relay, Thresholds thresholds) {
        return new ValueLedger(
                catalogue,
                new MongoSeriesStore(mongo, codec, relay),
                new MongoTargetStore(mongo),
                thresholds,
                Clock.systemUTC());
    }
}
