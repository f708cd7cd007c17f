package it.osservatorio.indicators.organisationreplica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.indicators.RunningIndicatorsService;
import it.osservatorio.platform.replica.VersionedReplica;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrganisationReplicaIT extends RunningIndicatorsService {

    @Autowired
    VersionedReplica<OrganisationChanged> organisationReplicaStore;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldKeepNewestVersionThenDeleteWhenOneOrganisationsRecordsArriveInAnyOrder() {
        String id = "org-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> registered = changed(id, 1);
        Map<String, Double> before = counts();

        // one key, one partition: the consumer sees them in exactly this order
        for (ProducerRecord<String, byte[]> record :
                List.of(registered, changed(id, 2), registered, changed(id, 3), changed(id, 2))) {
            registry.send(record);
        }
        awaitCounts(before, Map.of("applied", 3.0, "stale", 2.0));
        assertThat(organisationReplicaStore.find(id))
                .map(OrganisationChanged::version)
                .contains(3L);

        registry.publish(registry.codec().tombstone(EventType.ORGANISATION_DELETED, id, 4, Instant.now()));
        registry.send(changed(id, 3));
        awaitCounts(before, Map.of("applied", 3.0, "stale", 3.0, "deleted", 1.0));
        assertThat(organisationReplicaStore.find(id)).isEmpty();
    }

    @Test
    void shouldDeadLetterRecordWithReasonAndApplyTheNextOneWhenPayloadIsNotJson() {
        String id = "org-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> valid = changed(id, 1);
        ProducerRecord<String, byte[]> truncated = new ProducerRecord<>(
                valid.topic(),
                null,
                valid.key(),
                "{\"organisationId\":\"".getBytes(StandardCharsets.UTF_8),
                valid.headers());
        Map<String, Double> before = counts();

        registry.send(truncated);
        registry.send(valid);

        awaitCounts(before, Map.of("applied", 1.0, "rejected", 1.0));
        assertThat(organisationReplicaStore.find(id)).isPresent();
        List<ConsumerRecord<String, byte[]>> deadLetters = TopicReader.recordsFor(
                LocalInfrastructure.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.ORGANISATIONS, "indicators-service"),
                id::equals,
                1,
                Duration.ofSeconds(30));
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{\"organisationId\":\"");
            assertThat(new String(
                            deadLetter
                                    .headers()
                                    .lastHeader("x-exception-message")
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("Payload is not a valid OrganisationChanged");
        });
        assertThat(counts().get("rejected") - before.get("rejected"))
                .as("a record that is not an event is not retried")
                .isEqualTo(1.0);
    }

    private ProducerRecord<String, byte[]> changed(String id, long version) {
        OrganisationChanged organisation = EventFixture.organisationChanged()
                .organisationId(id)
                .version(version)
                .build();
        return registry.codec().toRecord(registry.codec().envelope(organisation));
    }

    private void awaitCounts(Map<String, Double> before, Map<String, Double> increases) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> now = counts();
            increases.forEach((outcome, increase) -> assertThat(now.get(outcome) - before.get(outcome))
                    .as(outcome)
                    .isEqualTo(increase));
        });
    }

    private Map<String, Double> counts() {
        return Map.of(
                "applied", count("applied"),
                "stale", count("stale"),
                "deleted", count("deleted"),
                "rejected", count("rejected"));
    }

    private double count(String outcome) {
        return meters.get(VersionedReplica.METRIC)
                .tag("replica", OrganisationReplicaConfiguration.COLLECTION)
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
