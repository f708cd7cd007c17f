package it.osservatorio.deploy.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server with unique indexes whose keys compare as values instead of as serialized
 * bytes. The stock index map compares two keys by Java-serializing both, at every step of every B-tree search: under
 * load that was a third of the server's CPU (ADR 0008). The index maps have their own names, so a data file written
 * by the stock backend gets its indexes rebuilt from the documents on first open and its old index maps removed.
 */
public final class FastUniqueIndexH2Backend extends H2Backend {

    static final String INDEX_MAP_INFIX = "._bsonkeyindex_";
    /** Index maps of earlier versions: the stock backend's, then keys compared as values but Java-serialized. */
    private static final List<String> EARLIER_INDEX_MAP_INFIXES = List.of("._index_", "._keyindex_");

    private static final String STOCK_DOCUMENTS_PREFIX = "databases.";
    private static final String STOCK_META_PREFIX = "meta.";
    static final String BSON_DOCUMENTS_SUFFIX = "._bson";

    /**
     * Writers commit the store themselves, inside the collection lock, once more than the auto-commit buffer is
     * unsaved, and wait for the background compaction holding the store lock: with H2's 1 MB default, inserts queued
     * for tens to hundreds of milliseconds at 200 writes/s. A larger buffer leaves saving to the background writer
     * (about once a second), and compaction starts only when chunks are less than half full.
     */
    static final int AUTO_COMMIT_BUFFER_KB = 32 * 1024;

    static final int AUTO_COMPACT_FILL_RATE_PERCENT = 50;

    /** H2's default page cache of 16 MB held too few of the pages a 50,000-organisation import kept reading back. */
    static final int CACHE_SIZE_MB = 64;

    public FastUniqueIndexH2Backend(String fileName) {
        super(new MVStore.Builder()
                .fileName(fileName)
                .autoCommitBufferSize(AUTO_COMMIT_BUFFER_KB)
                .autoCompactFillRate(AUTO_COMPACT_FILL_RATE_PERCENT)
                .cacheSize(CACHE_SIZE_MB)
                .open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner, so that the store is reachable while the superclass constructor already opens the indexes. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            for (String infix : EARLIER_INDEX_MAP_INFIXES) {
                String earlierMapName = getFullCollectionNamespace(collectionName) + infix + indexName;
                if (store.hasMap(earlierMapName)) {
                    store.removeMap(earlierMapName);
                }
            }
            MVMap<KeyValue, Object> map = store.openMap(
                    mapName(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueDataType.INSTANCE));
            return new FastUniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            getMvStore().removeMap(mapName(collection.getCollectionName(), indexName));
        }

        private String mapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName;
        }

        /**
         * The collection's documents live in a map of BSON values ({@link BsonDocumentDataType}); a map the stock
         * backend wrote is copied into it on first open and removed.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            MVMap<Object, Document> documents = documentMap(namespace);
            String stockName = STOCK_DOCUMENTS_PREFIX + namespace;
            if (store.hasMap(stockName)) {
                MVMap<Object, Document> stock = store.openMap(stockName);
                if (documents.isEmpty()) {
                    documents.putAll(stock);
                }
                store.removeMap(stock);
            }
            MVMap<String, Object> meta = store.openMap(STOCK_META_PREFIX + namespace);
            return new UntrackedSizeCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            String namespace = getFullCollectionNamespace(collectionName);
            super.dropCollection(collectionName, oplog);
            getMvStore().removeMap(documentMap(namespace));
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            MVStore store = getMvStore();
            MVMap<Object, Document> documents = documentMap(collection.getFullName());
            super.moveCollection(oldDatabase, collection, newCollectionName);
            String newNamespace = getFullCollectionNamespace(newCollectionName);
            // the stock rename leaves an empty stock map under the new name
            if (store.hasMap(STOCK_DOCUMENTS_PREFIX + newNamespace)) {
                store.removeMap(STOCK_DOCUMENTS_PREFIX + newNamespace);
            }
            store.renameMap(documents, documentMapName(newNamespace));
        }

        private MVMap<Object, Document> documentMap(String namespace) {
            return getMvStore()
                    .openMap(
                            documentMapName(namespace),
                            new MVMap.Builder<Object, Document>().valueType(BsonDocumentDataType.INSTANCE));
        }
    }

    /**
     * A collection that does not keep its data size, the figure only {@code collStats} reports: the stock collection
     * BSON-encodes every inserted document, and both versions of every updated one, to add their sizes to a counter
     * it writes to the store each time; a profile of a bulk import put about a tenth of the server's CPU there.
     */
    private static final class UntrackedSizeCollection extends H2Collection {

        UntrackedSizeCollection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> documents,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, collectionName, options, documents, meta, cursors);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }
    }

    /** Under the stock prefix, so that the backend still finds the database and dropping it removes the map. */
    static String documentMapName(String namespace) {
        return STOCK_DOCUMENTS_PREFIX + namespace + BSON_DOCUMENTS_SUFFIX;
    }
}
