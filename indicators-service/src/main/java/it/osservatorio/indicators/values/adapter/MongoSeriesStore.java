package it.osservatorio.indicators.values.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.contracts.AggregateEvent;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.indicators.DeviationStatus;
import it.osservatorio.contracts.indicators.IndicatorValueChanged;
import it.osservatorio.contracts.indicators.IndicatorValueChanged.Kind;
import it.osservatorio.indicators.values.application.SeriesStore;
import it.osservatorio.indicators.values.domain.Revision;
import it.osservatorio.indicators.values.domain.SeriesCell;
import it.osservatorio.platform.outbox.OutboxRelay;
import it.osservatorio.platform.outbox.PendingEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Series cells in the collection {@value #COLLECTION}: one document per cell with every revision (values as exact
 * decimal strings) and its pending events, written in one bulk request per batch; the outbox relay publishes them.
 */
public class MongoSeriesStore implements SeriesStore {

    public static final String COLLECTION = "indicator_series";

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final OutboxRelay relay;

    public MongoSeriesStore(MongoTemplate mongo, EventCodec codec, OutboxRelay relay) {
        this.mongo = mongo;
        this.codec = codec;
        this.relay = relay;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index()
                        .on("_id", Sort.Direction.ASC)
                        .on("version", Sort.Direction.ASC)
                        .unique()
                        .named("id_version"));
    }

    @Override
    public Optional<SeriesCell> find(String key) {
        return Optional.ofNullable(mongo.findById(key, Document.class, COLLECTION))
                .map(MongoSeriesStore::cellOf);
    }

    @Override
    public java.util.Set<String> keys() {
        Query all = new Query();
        all.fields().include("_id");
        java.util.Set<String> keys = new java.util.HashSet<>();
        mongo.find(all, Document.class, COLLECTION).forEach(d -> keys.add(d.getString("_id")));
        return keys;
    }

    @Override
    public List<SeriesCell> findByIndicator(String indicatorCode) {
        return mongo.find(new Query(where("indicatorCode").is(indicatorCode)), Document.class, COLLECTION).stream()
                .map(MongoSeriesStore::cellOf)
                .toList();
    }

    @Override
    public List<SeriesCell> findAll() {
        return mongo.findAll(Document.class, COLLECTION).stream()
                .map(MongoSeriesStore::cellOf)
                .toList();
    }

    /**
     * A computed cell changes with every source event (a project count: with every project written), and each write
     * rewrites the whole document: with every revision kept, the cell of a busy axis grew to hundreds of kilobytes and
     * slowed every write of the platform's MongoDB server. Computed values can be recomputed by replaying the source
     * topics, so a computed cell keeps its last revisions only; submitted observations keep them all (ADR 0018).
     */
    static final int COMPUTED_REVISIONS_KEPT = 100;

    @Override
    public void write(List<CellWrite> writes) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        List<Runnable> signals = new ArrayList<>();
        int updates = 0;
        for (CellWrite write : writes) {
            SeriesCell cell = write.cell();
            List<Document> pending = new ArrayList<>();
            for (AggregateEvent event : write.events()) {
                PendingEvent pendingEvent = PendingEvent.of(codec.envelope(event));
                pending.add(toDocument(pendingEvent));
                signals.add(() -> relay.publishSoon(COLLECTION, cell.key(), pendingEvent));
            }
            List<Document> revisions =
                    write.added().stream().map(MongoSeriesStore::toDocument).toList();
            if (write.expectedVersion() == 0) {
                bulk.insert(new Document("_id", cell.key())
                        .append("indicatorCode", cell.indicatorCode())
                        .append("period", cell.period())
                        .append("territory", cell.territory())
                        .append("kind", cell.kind().name())
                        .append("version", cell.version())
                        .append(
                                "status",
                                cell.status() == null ? null : cell.status().name())
                        .append("revisions", revisions)
                        .append(PendingEvent.FIELD, pending));
            } else {
                Update update = new Update()
                        .set("version", cell.version())
                        .set(
                                "status",
                                cell.status() == null ? null : cell.status().name());
                if (!revisions.isEmpty() && cell.kind() == IndicatorValueChanged.Kind.COMPUTED) {
                    update.push("revisions").slice(-COMPUTED_REVISIONS_KEPT).each(revisions.toArray());
                } else if (!revisions.isEmpty()) {
                    update.push("revisions").each(revisions.toArray());
                }
                update.push(PendingEvent.FIELD).each(pending.toArray());
                bulk.updateOne(
                        new Query(where("_id").is(cell.key()).and("version").is(write.expectedVersion())), update);
                updates++;
            }
        }
        var result = bulk.execute();
        if (result.getMatchedCount() != updates) {
            throw new IllegalStateException("A series cell changed meanwhile: " + result.getMatchedCount() + " of "
                    + updates + " cells were at the expected version");
        }
        signals.forEach(Runnable::run);
    }

    private Document toDocument(PendingEvent event) {
        return (Document) mongo.getConverter().convertToMongoType(event);
    }

    private static Document toDocument(Revision revision) {
        return new Document("revision", revision.revision())
                .append("value", revision.value().toPlainString())
                .append("knownAt", Date.from(revision.knownAt()))
                .append("source", revision.source())
                .append("institutionId", revision.institutionId())
                .append("synthetic", revision.synthetic())
                .append("note", revision.note())
                .append("submissionId", revision.submissionId());
    }

    private static SeriesCell cellOf(Document document) {
        List<Revision> revisions = new ArrayList<>();
        for (Document revision : document.getList("revisions", Document.class, List.of())) {
            revisions.add(new Revision(
                    revision.getInteger("revision"),
                    new BigDecimal(revision.getString("value")),
                    revision.getDate("knownAt").toInstant(),
                    revision.getString("source"),
                    revision.getString("institutionId"),
                    Boolean.TRUE.equals(revision.getBoolean("synthetic")),
                    revision.getString("note"),
                    revision.getString("submissionId")));
        }
        String status = document.getString("status");
        Object version = document.get("version");
        return new SeriesCell(
                document.getString("_id"),
                document.getString("indicatorCode"),
                document.getString("period"),
                document.getString("territory"),
                Kind.valueOf(document.getString("kind")),
                ((Number) version).longValue(),
                revisions,
                status == null ? null : DeviationStatus.valueOf(status));
    }
}
