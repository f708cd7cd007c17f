package it.osservatorio.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.MongoClients;
import it.osservatorio.testing.LocalInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Conditional writes with their pending events against the embedded MongoDB server shared by the build's tests. */
class VersionedDocumentsMongoTest {

    private static final String DATABASE = "platform_versioned_documents_test";
    private static MongoTemplate mongo;

    /** The collection the tests write to; only its name matters. */
    static final class Aggregate {}

    private final VersionedDocuments versioned = new VersionedDocuments(mongo(), Aggregate.class);

    private static synchronized MongoTemplate mongo() {
        if (mongo == null) {
            mongo = new MongoTemplate(MongoClients.create(LocalInfrastructure.mongoUri(DATABASE)), DATABASE);
        }
        return mongo;
    }

    @Test
    void shouldAppendEveryEventInOrderWhenOneUpdateCarriesSeveral() {
        String id = stored(1, "Latteria Soresina");

        boolean written = versioned.updateIfCurrent(
                id,
                1,
                new Update().set("version", 2L).set("name", "Latteria Soresina soc. coop."),
                List.of(event(id, "state-2", 2), event(id, "progress-2", 2)));

        assertThat(written).isTrue();
        Document document = held(id);
        assertThat(document).containsEntry("version", 2L).containsEntry("name", "Latteria Soresina soc. coop.");
        assertThat(pendingEventIds(document)).containsExactly("state-1", "state-2", "progress-2");
    }

    @Test
    void shouldWriteNothingWhenDocumentIsNoLongerAtExpectedVersion() {
        String id = stored(3, "Consorzio Agrario");

        boolean written = versioned.updateIfCurrent(
                id, 2, new Update().set("version", 3L).set("name", "Stale"), List.of(event(id, "state-3b", 3)));

        assertThat(written).isFalse();
        assertThat(held(id)).containsEntry("name", "Consorzio Agrario");
        assertThat(pendingEventIds(held(id))).containsExactly("state-1");
    }

    @Test
    void shouldReportCurrentVersionWhenUpdateWithoutEventsChangesNothing() {
        String id = stored(4, "Padania Acque");

        boolean written = versioned.updateIfCurrent(id, 4, new Update().set("name", "Padania Acque"), List.of());

        assertThat(written).isTrue();
        assertThat(pendingEventIds(held(id))).containsExactly("state-1");
    }

    @Test
    void shouldFreeFieldsAndAppendTombstoneWhenMarkedDeletedAtCurrentVersion() {
        String id = stored(1, "Cremona Fiere");

        boolean deleted = versioned.markDeleted(id, 1, event(id, "tombstone-2", 2), "name");

        assertThat(deleted).isTrue();
        Document document = held(id);
        assertThat(document)
                .containsEntry(OutboxCollection.DELETED_FIELD, true)
                .containsEntry("version", 2L)
                .doesNotContainKey("name");
        assertThat(pendingEventIds(document)).containsExactly("state-1", "tombstone-2");
    }

    private String stored(long version, String name) {
        String id = "agg-" + UUID.randomUUID();
        Document document = new Document("_id", id)
                .append("version", version)
                .append("name", name)
                .append(PendingEvent.FIELD, List.of(eventDocument(event(id, "state-1", 1))));
        mongo().getCollection(mongo().getCollectionName(Aggregate.class)).insertOne(document);
        return id;
    }

    private static PendingEvent event(String id, String eventId, long version) {
        return new PendingEvent(eventId, "t", id, version, Instant.EPOCH, "{}");
    }

    private static Document eventDocument(PendingEvent event) {
        Document document = new Document();
        mongo().getConverter().write(event, document);
        document.remove("_class");
        return document;
    }

    private static Document held(String id) {
        return mongo().findOne(
                        new Query(where("_id").is(id)), Document.class, mongo().getCollectionName(Aggregate.class));
    }

    private static List<String> pendingEventIds(Document document) {
        return document.getList(PendingEvent.FIELD, Document.class).stream()
                .map(event -> event.getString("eventId"))
                .toList();
    }
}
