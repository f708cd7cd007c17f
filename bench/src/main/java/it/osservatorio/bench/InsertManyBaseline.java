package it.osservatorio.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.bson.Document;

/** The baseline of an import: raw insertMany of equivalent documents on the same MongoDB server, nothing else. */
final class InsertManyBaseline {

    static final int BATCH = 500;

    private InsertManyBaseline() {}

    /**
     * Inserts {@code rows} documents in batches of {@value #BATCH} into a scratch collection of database
     * {@code osservatorio_bench}, with the indexes {@code indexes} creates first, and drops it afterwards.
     *
     * @return rows per second of the inserts alone
     */
    static double rowsPerSecond(
            String mongoUri,
            String collectionPrefix,
            Consumer<MongoCollection<Document>> indexes,
            int rows,
            IntFunction<Document> document) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> scratch = client.getDatabase("osservatorio_bench")
                    .getCollection(collectionPrefix + System.currentTimeMillis());
            indexes.accept(scratch);
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
