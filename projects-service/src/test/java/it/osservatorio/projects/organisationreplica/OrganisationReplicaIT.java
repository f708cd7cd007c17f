package it.osservatorio.projects.organisationreplica;

import it.osservatorio.testing.LocalInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The replica scenarios on the in-process KRaft broker and the embedded MongoDB server. */
class OrganisationReplicaIT extends OrganisationReplicaScenarios {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "projects_replica_it");
    }

    @Override
    String bootstrapServers() {
        return LocalInfrastructure.kafkaBootstrapServers();
    }
}
