package it.osservatorio.platform.replica;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.contracts.registry.OrganisationChanged.Address;
import it.osservatorio.contracts.registry.OrganisationChanged.Change;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import it.osservatorio.testing.LocalInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Organisation events as the registry would publish them, and replicas on the shared embedded Mongo server. */
final class ReplicaFixture {

    static final EventCodec CODEC = new EventCodec("registry-service");
    private static final String DATABASE = "platform_replica_test";
    private static MongoTemplate mongo;

    private ReplicaFixture() {}

    static synchronized MongoTemplate mongo() {
        if (mongo == null) {
            mongo = new MongoTemplate(MongoClients.create(LocalInfrastructure.mongoUri(DATABASE)), DATABASE);
        }
        return mongo;
    }

    /** A replica in a collection of its own, so that tests do not see each other's entities. */
    static VersionedReplica<OrganisationChanged> newReplica(MeterRegistry meters) {
        return new VersionedReplica<>(
                mongo(), "replica_" + UUID.randomUUID().toString().replace("-", ""), OrganisationChanged.class, meters);
    }

    /** How many events the replica counted with this outcome. */
    static double outcomes(MeterRegistry meters, VersionedReplica<?> replica, String outcome) {
        return meters.get(VersionedReplica.METRIC)
                .tag("replica", replica.name())
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    static String newId() {
        return "org-" + UUID.randomUUID();
    }

    static OrganisationChanged organisation(String id, long version, OrganisationType type, String province) {
        return new OrganisationChanged(
                id,
                version,
                version == 1 ? Change.REGISTERED : Change.UPDATED,
                "camera-commercio-cremona",
                "Organisation " + id + " v" + version,
                type,
                type == OrganisationType.IMPRESA ? OrganisationChanged.SizeClass.MEDIA : null,
                null,
                "00092220193",
                "00092220193",
                "10.51",
                new Address("Via dei Mille 13", "Soresina", "019097", province, "Lombardia"),
                "https://example.org",
                List.of("Agroalimentare"),
                null,
                false,
                Instant.parse("2026-11-25T10:15:30Z"));
    }

    static OrganisationChanged organisation(String id, long version) {
        return organisation(id, version, OrganisationType.IMPRESA, "CR");
    }

    static ReceivedEvent changed(String id, long version) {
        return received(CODEC.toRecord(CODEC.envelope(organisation(id, version))));
    }

    static ReceivedEvent changed(OrganisationChanged organisation) {
        return received(CODEC.toRecord(CODEC.envelope(organisation)));
    }

    static ReceivedEvent tombstone(String id, long version) {
        return received(CODEC.toRecord(CODEC.tombstone(EventType.ORGANISATION_DELETED, id, version, Instant.now())));
    }

    private static ReceivedEvent received(ProducerRecord<String, byte[]> record) {
        return CODEC.read(record.key(), record.headers(), record.value());
    }
}
