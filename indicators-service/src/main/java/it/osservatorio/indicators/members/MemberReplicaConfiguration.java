package it.osservatorio.indicators.members;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.platform.replica.VersionedReplica;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/** The registry's organisations, from which member indicators are computed. */
@Configuration(proxyBeanMethods = false)
class MemberReplicaConfiguration {

    @Bean
    VersionedReplica<OrganisationChanged> memberReplica(
            MongoTemplate mongo, @Value("${spring.application.name}") String serviceName, MeterRegistry meters) {
        return new VersionedReplica<>(
                mongo, new EventCodec(serviceName), "member_replica", OrganisationChanged.class, meters);
    }

    @Bean
    Consumer<Message<?>> memberEvents(VersionedReplica<OrganisationChanged> memberReplica) {
        return memberReplica.messageConsumer();
    }
}
