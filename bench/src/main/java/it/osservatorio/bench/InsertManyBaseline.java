package it.osservatorio.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.bson.Document;

/** The baseline of an import: raw insertMany of equivalent documents on the same MongoDB server, nothing else. */
final class InsertManyBaseline {

    static final int BATCH = 500;

    private InsertManyBaseline() {}

    /**
     * Inserts {@code rows} documents in batches of {@value #BATCH} into a scratch collection of database
     * {@code osservatorio_bench} with the services' indexes — unique {@code _id + version}, and a unique sparse one on
     * each of {@code uniqueFields} — and drops it afterwards.
     *
     * @return rows per second of the inserts alone
     */
    static double rowsPerSecond(
            String mongoUri,
            String collectionPrefix,
            List<String> uniqueFields,
            int rows,
            IntFunction<Document> document) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> scratch = client.getDatabase("osservatorio_bench")
                    .getCollection(collectionPrefix + System.currentTimeMillis());
            scratch.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            for (String field : uniqueFields) {
                scratch.createIndex(
                        Indexes.ascending(field),
                        new IndexOptions().unique(true).sparse(true));
            }
            long start = System.nanoTime();
            List<Document> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < rows; i++) {
                batch.add(document.apply(i));
                if (batch.size() == BATCH || i == rows - 1) {
                    scratch.insertMany(batch);
                    batch.clear();
                }
            }
            double perSecond = rows / ((System.nanoTime() - start) / 1e9);
            scratch.drop();
            return perSecond;
        }
    }
}
