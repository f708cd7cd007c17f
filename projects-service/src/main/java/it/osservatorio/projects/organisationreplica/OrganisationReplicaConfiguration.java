package it.osservatorio.projects.organisationreplica;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.platform.replica.VersionedReplica;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The registry's organisations, replicated from their state topic; project partners are validated against it. The
 * binding {@code organisationReplica-in-0} sends records it cannot decode to its dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationReplicaConfiguration {

    static final String COLLECTION = "organisation_replica";

    @Bean
    VersionedReplica<OrganisationChanged> organisationReplicaStore(
            org.springframework.data.mongodb.core.MongoTemplate mongo,
            @Value("${spring.application.name}") String serviceName,
            MeterRegistry meters) {
        return new VersionedReplica<>(
                mongo, new EventCodec(serviceName), COLLECTION, OrganisationChanged.class, meters);
    }

    @Bean
    Consumer<Message<?>> organisationReplica(VersionedReplica<OrganisationChanged> organisationReplicaStore) {
        return organisationReplicaStore.messageConsumer();
    }
}
