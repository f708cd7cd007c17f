package it.osservatorio.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventEnvelope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the pending events kept in aggregate documents, then removes each one from its document once the broker
 * acknowledged it (idempotent producer, acks=all). A crash between the write and the send leaves the event in the
 * document for the next sweep; a crash between the send and the removal only republishes it, which consumers ignore
 * because they apply a version once. One worker thread publishes every aggregate's events in order.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final List<OutboxCollection> collections;
    private final OutboxProperties properties;
    private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final Map<String, AtomicLong> pendingByCollection = new ConcurrentHashMap<>();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;
    private ScheduledExecutorService sweeper;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            EventCodec codec,
            List<OutboxCollection> collections,
            OutboxProperties properties,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.collections = List.copyOf(collections);
        this.properties = properties;
        this.published = Counter.builder("osservatorio.outbox.published")
                .description("Events acknowledged by the broker and removed from their aggregate")
                .register(meters);
        this.failures = Counter.builder("osservatorio.outbox.failures")
                .description("Sends that failed or timed out; the events stay pending for the next sweep")
                .register(meters);
        for (OutboxCollection collection : this.collections) {
            AtomicLong pending = new AtomicLong();
            pendingByCollection.put(collection.name(), pending);
            Gauge.builder("osservatorio.outbox.pending", pending, AtomicLong::get)
                    .description("Aggregates with events not yet published, as of the last sweep")
                    .tag("collection", collection.name())
                    .register(meters);
        }
    }

    /** Asks for the aggregate's pending events to be published now; call it after every acknowledged write. */
    public void publishSoon(String collection, String aggregateId) {
        if (running) {
            signals.add(new Signal(collection, aggregateId));
        }
    }

    /** Queues every aggregate that still has pending events. */
    public void sweep() {
        for (OutboxCollection collection : collections) {
            Query withPending = new Query(where(PendingEvent.FIELD + ".0").exists(true));
            withPending.fields().include("_id");
            List<Document> documents = mongo.find(withPending, Document.class, collection.name());
            pendingByCollection.get(collection.name()).set(documents.size());
            documents.forEach(document -> signals.add(
                    new Signal(collection.name(), document.get("_id").toString())));
        }
    }

    @Override
    public void start() {
        if (!properties.relay().enabled()) {
            log.warn("Outbox relay disabled (osservatorio.outbox.relay.enabled=false): events stay pending");
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::work);
        sweeper = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("outbox-sweep").daemon().unstarted(runnable));
        long interval = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::safeSweep, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(properties.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void safeSweep() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed, retrying in {}: {}", properties.sweepInterval(), e.toString());
        }
    }

    private void work() {
        while (running) {
            try {
                Signal first = signals.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                Set<Signal> batch = new LinkedHashSet<>();
                batch.add(first);
                List<Signal> more = new ArrayList<>();
                signals.drainTo(more, properties.batchSize() - 1);
                batch.addAll(more);
                publish(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed; the sweep will retry: {}", e.toString());
            }
        }
    }

    private void publish(Set<Signal> batch) throws InterruptedException {
        List<InFlight> inFlight = new ArrayList<>();
        for (Signal signal : batch) {
            Document document = mongo.findById(signal.aggregateId(), Document.class, signal.collection());
            if (document == null) {
                continue;
            }
            for (PendingEvent pending : pendingEvents(document)) {
                EventEnvelope envelope = pending.toEnvelope();
                inFlight.add(new InFlight(signal, pending, kafka.send(codec.toRecord(envelope))));
            }
        }
        for (InFlight sent : inFlight) {
            try {
                sent.result().get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                markPublished(sent.signal(), sent.event());
                published.increment();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures.increment();
                log.warn(
                        "Event {} of {} {} not acknowledged; it stays pending: {}",
                        sent.event().eventId(),
                        sent.signal().collection(),
                        sent.signal().aggregateId(),
                        e.toString());
            }
        }
    }

    private void markPublished(Signal signal, PendingEvent event) {
        Query aggregate = new Query(where("_id").is(signal.aggregateId()));
        mongo.updateFirst(
                aggregate,
                new Update().pull(PendingEvent.FIELD, new Document("eventId", event.eventId())),
                signal.collection());
        if (event.payload() == null) {
            removeIfDeletedAndPublished(signal);
        }
    }

    /** A deleted aggregate can no longer change, so its version identifies the state we checked. */
    private void removeIfDeletedAndPublished(Signal signal) {
        Document document = mongo.findById(signal.aggregateId(), Document.class, signal.collection());
        if (document != null
                && Boolean.TRUE.equals(document.get(OutboxCollection.DELETED_FIELD))
                && document.getList(PendingEvent.FIELD, Document.class, List.of())
                        .isEmpty()) {
            mongo.remove(
                    new Query(
                            where("_id").is(signal.aggregateId()).and("version").is(document.get("version"))),
                    signal.collection());
        }
    }

    private List<PendingEvent> pendingEvents(Document document) {
        List<PendingEvent> events = new ArrayList<>();
        for (Document pending : document.getList(PendingEvent.FIELD, Document.class, List.of())) {
            events.add(mongo.getConverter().read(PendingEvent.class, pending));
        }
        return events;
    }

    private record Signal(String collection, String aggregateId) {}

    private record InFlight(Signal signal, PendingEvent event, CompletableFuture<SendResult<String, byte[]>> result) {}
}
