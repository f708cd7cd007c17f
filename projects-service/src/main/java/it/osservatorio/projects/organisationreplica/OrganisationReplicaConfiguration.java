package it.osservatorio.projects.organisationreplica;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.platform.replica.StateTopicBatchConsumer;
import it.osservatorio.platform.replica.VersionedReplica;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * The registry's organisations, replicated from {@link it.osservatorio.contracts.Topics#ORGANISATIONS} through the
 * binding {@code organisationReplica-in-0} a poll at a time; project partners are validated against them.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationReplicaConfiguration {

    static final String COLLECTION = "organisation_replica";

    @Bean
    VersionedReplica<OrganisationChanged> organisationReplicaStore(MongoTemplate mongo, MeterRegistry meters) {
        return new VersionedReplica<>(mongo, COLLECTION, OrganisationChanged.class, meters);
    }

    @Bean
    Consumer<Message<List<?>>> organisationReplica(
            VersionedReplica<OrganisationChanged> organisationReplicaStore, MeterRegistry meters) {
        return new StateTopicBatchConsumer(organisationReplicaStore, meters);
    }
}
