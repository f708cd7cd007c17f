package it.osservatorio.deploy.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastUniqueIndexH2BackendTest {

    @TempDir
    Path directory;

    @Test
    void shouldFindEveryDocumentByItsUniqueKeysWhenManyAreStored() {
        withServer(FastUniqueIndexH2Backend::new, organisations -> {
            organisations.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            organisations.createIndex(Indexes.ascending("partitaIva"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                organisations.insertOne(organisation(i));
            }

            for (int i = 0; i < 500; i += 7) {
                assertThat(organisations.find(Filters.eq("_id", "org-" + i)).first())
                        .containsEntry("partitaIva", partitaIva(i));
                assertThat(organisations
                                .find(Filters.and(Filters.eq("_id", "org-" + i), Filters.eq("version", 1)))
                                .first())
                        .isNotNull();
            }
            assertThat(organisations
                            .find(Filters.eq("partitaIva", partitaIva(123)))
                            .first())
                    .containsEntry("_id", "org-123");
        });
    }

    @Test
    void shouldRefuseADuplicateKeyWhenItDiffersOnlyInNumericType() {
        withServer(FastUniqueIndexH2Backend::new, collection -> {
            collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            collection.insertOne(new Document("_id", "a").append("code", 42));
            collection.insertOne(new Document("_id", "b").append("code", "42"));

            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "c").append("code", 42L)))
                    .isInstanceOf(MongoWriteException.class)
                    .matches(e -> ((MongoWriteException) e).getError().getCategory() == ErrorCategory.DUPLICATE_KEY);
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "a").append("code", 7)))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void shouldMoveAKeyWhenADocumentIsUpdatedOrDeleted() {
        withServer(FastUniqueIndexH2Backend::new, collection -> {
            collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            collection.insertOne(new Document("_id", "a").append("code", "x"));
            collection.updateOne(Filters.eq("_id", "a"), Updates.set("code", "y"));
            collection.insertOne(new Document("_id", "b").append("code", "x"));
            collection.deleteOne(Filters.eq("_id", "a"));
            collection.insertOne(new Document("_id", "c").append("code", "y"));

            assertThat(collection.find(Filters.eq("code", "y")).first()).containsEntry("_id", "c");
            assertThat(collection.countDocuments()).isEqualTo(2);
        });
    }

    @Test
    void shouldKeepDocumentsAndUniquenessWhenTheServerRestarts() {
        withServer(FastUniqueIndexH2Backend::new, collection -> {
            collection.createIndex(Indexes.ascending("partitaIva"), new IndexOptions().unique(true));
            collection.insertMany(List.of(organisation(1), organisation(2)));
        });

        withServer(FastUniqueIndexH2Backend::new, collection -> {
            assertThat(collection.find(Filters.eq("_id", "org-2")).first()).isNotNull();
            assertThatThrownBy(() -> collection.insertOne(organisation(1).append("_id", "other")))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void shouldRebuildTheIndexesWhenTheDataFileWasWrittenByTheStockBackend() {
        withServer(H2Backend::new, collection -> {
            collection.createIndex(Indexes.ascending("partitaIva"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                collection.insertOne(organisation(i));
            }
        });

        withServer(FastUniqueIndexH2Backend::new, collection -> {
            assertThat(collection.find(Filters.eq("_id", "org-17")).first())
                    .containsEntry("partitaIva", partitaIva(17));
            assertThat(collection.find(Filters.eq("partitaIva", partitaIva(33))).first())
                    .containsEntry("_id", "org-33");
            assertThatThrownBy(() -> collection.insertOne(organisation(5).append("_id", "other")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> collection.insertOne(organisation(6))).isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void shouldRebuildTheIndexesWhenTheDataFileHasIndexMapsOfAnEarlierVersion() {
        withServer(FastUniqueIndexH2Backend::new, collection -> {
            collection.createIndex(Indexes.ascending("partitaIva"), new IndexOptions().unique(true));
            for (int i = 0; i < 30; i++) {
                collection.insertOne(organisation(i));
            }
        });
        try (MVStore store = MVStore.open(directory.resolve("data.mv.db").toString())) {
            for (String name : List.copyOf(store.getMapNames())) {
                if (name.contains(FastUniqueIndexH2Backend.INDEX_MAP_INFIX)) {
                    store.renameMap(
                            store.openMap(
                                    name, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueDataType.INSTANCE)),
                            name.replace(FastUniqueIndexH2Backend.INDEX_MAP_INFIX, "._keyindex_"));
                }
            }
        }

        withServer(FastUniqueIndexH2Backend::new, collection -> {
            assertThat(collection.find(Filters.eq("partitaIva", partitaIva(21))).first())
                    .containsEntry("_id", "org-21");
            assertThatThrownBy(() -> collection.insertOne(organisation(4).append("_id", "other")))
                    .isInstanceOf(MongoWriteException.class);
        });
        try (MVStore store = MVStore.open(directory.resolve("data.mv.db").toString())) {
            assertThat(store.getMapNames()).noneMatch(name -> name.contains("._keyindex_"));
        }
    }

    @Test
    void shouldReadBackEveryValueTypeWhenTheStoreIsReopened() {
        Document stored = new Document("_id", "org-1")
                .append("int", 42)
                .append("long", 9_000_000_000L)
                .append("double", 0.1)
                .append("decimal", new Decimal128(new BigDecimal("1234567.89")))
                .append("boolean", true)
                .append("date", new Date(1_764_000_000_000L))
                .append("objectId", new ObjectId("65f0c0ffee0000000000abcd"))
                .append("binary", new Binary(new byte[] {1, 2, 3}))
                .append("uuidBinary", new Binary((byte) 4, new byte[16]))
                .append("null", null)
                .append("text", "Società Agricola Cremonese – «àèìòù»")
                .append("address", new Document("comune", "Cremona").append("cap", "26100"))
                .append("pendingEvents", List.of(new Document("eventId", "e-1").append("version", 3L), "x", 7));

        withServer(FastUniqueIndexH2Backend::new, collection -> collection.insertOne(stored));

        withServer(FastUniqueIndexH2Backend::new, collection -> assertThat(
                        collection.find(Filters.eq("_id", "org-1")).first())
                .isEqualTo(stored));
    }

    @Test
    void shouldKeepDocumentsInBsonMapWhenDataFileWasWrittenByTheStockBackend() {
        withServer(H2Backend::new, collection -> {
            for (int i = 0; i < 20; i++) {
                collection.insertOne(organisation(i));
            }
        });
        withServer(
                FastUniqueIndexH2Backend::new,
                collection ->
                        collection.updateOne(Filters.eq("_id", "org-3"), Updates.set("legalName", "Impresa Tre")));

        try (MVStore store = MVStore.open(directory.resolve("data.mv.db").toString())) {
            assertThat(store.getMapNames())
                    .contains(FastUniqueIndexH2Backend.documentMapName("registry.organisations"))
                    .doesNotContain("databases.registry.organisations");
        }
        withServer(FastUniqueIndexH2Backend::new, collection -> {
            assertThat(collection.countDocuments()).isEqualTo(20);
            assertThat(collection.find(Filters.eq("_id", "org-3")).first()).containsEntry("legalName", "Impresa Tre");
        });
    }

    @Test
    void shouldForgetDocumentsWhenTheirCollectionOrDatabaseIsDropped() {
        withClient(client -> {
            MongoCollection<Document> organisations =
                    client.getDatabase("registry").getCollection("organisations");
            organisations.insertOne(organisation(1));
            organisations.drop();
            organisations.insertOne(organisation(2));
            client.getDatabase("scratch").getCollection("jobs").insertOne(organisation(3));
            client.getDatabase("scratch").drop();
        });

        withClient(client -> {
            assertThat(client.getDatabase("registry")
                            .getCollection("organisations")
                            .find()
                            .into(new java.util.ArrayList<>()))
                    .extracting(document -> document.get("_id"))
                    .containsExactly("org-2");
            assertThat(client.getDatabase("scratch").getCollection("jobs").countDocuments())
                    .isZero();
        });
    }

    @Test
    void shouldKeepDocumentsUnderTheNewNameWhenACollectionIsRenamed() {
        withClient(client -> {
            client.getDatabase("registry").getCollection("organisations").insertOne(organisation(1));
            client.getDatabase("registry")
                    .getCollection("organisations")
                    .renameCollection(new MongoNamespace("registry", "archive"));
            client.getDatabase("registry").getCollection("organisations").insertOne(organisation(2));
        });

        withClient(client -> {
            assertThat(client.getDatabase("registry")
                            .getCollection("archive")
                            .find(Filters.eq("_id", "org-1"))
                            .first())
                    .isNotNull();
            assertThat(client.getDatabase("registry")
                            .getCollection("organisations")
                            .countDocuments())
                    .isEqualTo(1);
        });
    }

    private void withClient(Consumer<MongoClient> work) {
        AbstractMongoBackend backend =
                new FastUniqueIndexH2Backend(directory.resolve("data.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            work.accept(client);
        } finally {
            server.shutdown();
            backend.close();
        }
    }

    private void withServer(
            Function<String, AbstractMongoBackend> backendFactory, Consumer<MongoCollection<Document>> work) {
        AbstractMongoBackend backend =
                backendFactory.apply(directory.resolve("data.mv.db").toString());
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            work.accept(client.getDatabase("registry").getCollection("organisations"));
        } finally {
            server.shutdown();
            backend.close();
        }
    }

    private static Document organisation(int number) {
        return new Document("_id", "org-" + number)
                .append("version", 1)
                .append("partitaIva", partitaIva(number))
                .append("legalName", "Impresa " + number);
    }

    private static String partitaIva(int number) {
        return String.format("%011d", 10_000_000L + number);
    }
}
