package it.osservatorio.registry;

import it.osservatorio.contracts.Topics;
import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.registry.membership.application.MembershipService;
import it.osservatorio.registry.network.application.NetworkService;
import it.osservatorio.registry.organisation.application.OrganisationSearchIndex;
import it.osservatorio.registry.organisation.application.OrganisationService;
import it.osservatorio.registry.organisation.application.OrganisationStore;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Loaded before the web server starts, so that no search sees a partial index (ADR 0011). */
    @Bean
    OrganisationSearchIndex organisationSearchIndex(OrganisationStore store) {
        return OrganisationSearchIndex.loadedFrom(store);
    }

    @Bean
    OutboxCollection organisationsOutbox() {
        return new OutboxCollection(OrganisationService.COLLECTION);
    }

    @Bean
    NewTopic organisationsTopic() {
        return TopicBuilder.name(Topics.ORGANISATIONS)
                .partitions(3)
                .replicas(1)
                .compact()
                .config("min.compaction.lag.ms", "60000")
                .build();
    }

    @Bean
    OutboxCollection networksOutbox() {
        return new OutboxCollection(NetworkService.COLLECTION);
    }

    @Bean
    NewTopic networksTopic() {
        return TopicBuilder.name(Topics.NETWORKS)
                .partitions(3)
                .replicas(1)
                .compact()
                .config("min.compaction.lag.ms", "60000")
                .build();
    }

    @Bean
    OutboxCollection membershipsOutbox() {
        return new OutboxCollection(MembershipService.COLLECTION);
    }

    @Bean
    NewTopic membershipsTopic() {
        return TopicBuilder.name(Topics.MEMBERSHIPS)
                .partitions(3)
                .replicas(1)
                .compact()
                .config("min.compaction.lag.ms", "60000")
                .build();
    }
}
