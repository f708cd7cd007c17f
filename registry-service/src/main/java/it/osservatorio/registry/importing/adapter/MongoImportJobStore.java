package it.osservatorio.registry.importing.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.registry.importing.application.ImportJobStore;
import it.osservatorio.registry.importing.domain.ImportCounts;
import it.osservatorio.registry.importing.domain.ImportJob;
import it.osservatorio.registry.importing.domain.RowProblem;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Jobs in {@code import_jobs}; their input in {@code import_job_inputs}, cut into chunks with the ids
 * {@code <job>:0}, {@code <job>:1}, … (a document may not exceed 16 MB), read back by id only.
 */
@Repository
class MongoImportJobStore implements ImportJobStore {

    static final String INPUTS = "import_job_inputs";
    private static final int CHUNK_BYTES = 4 * 1024 * 1024;

    private final MongoTemplate mongo;

    MongoImportJobStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void create(StoredJob job, byte[] input) {
        for (int chunk = 0; chunk * (long) CHUNK_BYTES < input.length; chunk++) {
            int from = chunk * CHUNK_BYTES;
            byte[] part = Arrays.copyOfRange(input, from, Math.min(input.length, from + CHUNK_BYTES));
            mongo.insert(new Document("_id", chunkId(job.job().id(), chunk)).append("data", new Binary(part)), INPUTS);
        }
        mongo.insert(ImportJobDocument.of(job));
    }

    @Override
    public void save(StoredJob job) {
        mongo.save(ImportJobDocument.of(job));
    }

    @Override
    public Optional<StoredJob> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ImportJobDocument.class)).map(ImportJobDocument::toStored);
    }

    @Override
    public Optional<byte[]> input(String id) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int chunk = 0; ; chunk++) {
            Document part = mongo.findById(chunkId(id, chunk), Document.class, INPUTS);
            if (part == null) {
                return chunk == 0 ? Optional.empty() : Optional.of(content.toByteArray());
            }
            content.writeBytes(part.get("data", Binary.class).getData());
        }
    }

    @Override
    public void deleteInput(String id) {
        for (int chunk = 0; ; chunk++) {
            if (mongo.remove(new Query(where("_id").is(chunkId(id, chunk))), INPUTS)
                            .getDeletedCount()
                    == 0) {
                return;
            }
        }
    }

    @Override
    public List<StoredJob> unfinished() {
        // a scan of the (small) jobs collection, once at start
        return mongo
                .find(
                        new Query(where("status").in(ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)),
                        ImportJobDocument.class)
                .stream()
                .map(ImportJobDocument::toStored)
                .toList();
    }

    private static String chunkId(String jobId, int chunk) {
        return jobId + ":" + chunk;
    }

    @org.springframework.data.mongodb.core.mapping.Document("import_jobs")
    record ImportJobDocument(
            @Id String id,
            String institutionId,
            String institutionName,
            Set<String> scopes,
            boolean dryRun,
            ImportJob.Status status,
            String format,
            long rowsTotal,
            long rowsDone,
            ImportCounts counts,
            List<RowProblem> problems,
            long problemCount,
            String message,
            Instant createdAt,
            Instant updatedAt) {

        static ImportJobDocument of(StoredJob stored) {
            ImportJob job = stored.job();
            return new ImportJobDocument(
                    job.id(),
                    job.institutionId(),
                    stored.institutionName(),
                    stored.scopes(),
                    stored.dryRun(),
                    job.status(),
                    job.format(),
                    job.rowsTotal(),
                    job.rowsDone(),
                    job.counts(),
                    job.problems(),
                    job.problemCount(),
                    job.message(),
                    job.createdAt(),
                    job.updatedAt());
        }

        StoredJob toStored() {
            return new StoredJob(
                    new ImportJob(
                            id,
                            institutionId,
                            status,
                            format,
                            rowsTotal,
                            rowsDone,
                            counts == null ? ImportCounts.NONE : counts,
                            problems == null ? List.of() : problems,
                            problemCount,
                            message,
                            createdAt,
                            updatedAt),
                    scopes == null ? Set.of() : scopes,
                    institutionName,
                    dryRun);
        }
    }
}
