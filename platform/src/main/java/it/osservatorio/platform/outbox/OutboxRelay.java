package it.osservatorio.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
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
    private static final int MAX_TRACKED_AGGREGATES = 100_000;

    private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    /**
     * Only the worker thread touches it: the last version sent per aggregate and the ids of its events sent at that
     * version (one write may carry several events of one version, e.g. a state event and a progress fact), so that
     * carried events keep their order and none is taken for one already sent.
     */
    private final Map<String, Sent> lastSent = new HashMap<>();

    private final Map<String, AtomicLong> pendingByCollection = new ConcurrentHashMap<>();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;
    private ScheduledExecutorService sweeper;
    /**
     * Removes acknowledged events from their documents on its own thread, so that the next events are sent while
     * that write waits for the database: under load it took tens of milliseconds, and every event queued meanwhile
     * waited with it.
     */
    private ExecutorService acknowledger;

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
                .description("Sends that failed or timed out; the events stay pending and are retried")
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

    /**
     * Asks for {@code event}, just written into the aggregate's document, to be published now. The relay sends it
     * without reading the document back when it directly follows the last version it sent for that aggregate;
     * otherwise it reads the document, so that an aggregate's events always reach the topic in version order.
     */
    public void publishSoon(String collection, String aggregateId, PendingEvent event) {
        if (running) {
            signals.add(new Signal(collection, aggregateId, event));
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
                    new Signal(collection.name(), document.get("_id").toString(), null)));
        }
    }

    @Override
    public void start() {
        if (!properties.relay().enabled()) {
            log.warn("Outbox relay disabled (osservatorio.outbox.relay.enabled=false): events stay pending");
            return;
        }
        running = true;
        acknowledger = Executors.newSingleThreadExecutor(
                runnable -> Thread.ofPlatform().name("outbox-ack").daemon().unstarted(runnable));
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
            // the worker ends after the batch in flight (its poll waits at most a second): interrupting it while it
            // waits for the broker's acknowledgement would leave sent events in their documents, sent again at the
            // next start
            try {
                worker.join(properties.sendTimeout().toMillis() + 1_000);
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (acknowledger != null) {
            acknowledger.shutdown();
            try {
                acknowledger.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void retryLater(Signal failed) {
        Signal fromDocument = new Signal(failed.collection(), failed.aggregateId(), null);
        try {
            sweeper.schedule(
                    () -> {
                        if (running) {
                            signals.add(fromDocument);
                        }
                    },
                    properties.retryDelay().toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the relay is stopping: the event stays in its document for the sweep at the next start
        }
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
                List<Signal> batch = new ArrayList<>();
                batch.add(first);
                signals.drainTo(batch, properties.batchSize() - 1);
                publish(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed; the sweep will retry: {}", e.toString());
            }
        }
    }

    private void publish(List<Signal> batch) throws InterruptedException {
        List<InFlight> inFlight = new ArrayList<>();
        Set<Signal> readBack = new LinkedHashSet<>();
        List<InFlight> alreadyAcknowledged = new ArrayList<>();
        for (Signal signal : batch) {
            String key = signal.collection() + "/" + signal.aggregateId();
            PendingEvent carried = signal.event();
            if (carried != null) {
                Sent last = lastSent.get(key);
                if (last != null && last.covers(carried)) {
                    continue; // already sent, read back from the document together with a later version
                }
                if ((last == null && carried.aggregateVersion() == 1) || (last != null && last.isFollowedBy(carried))) {
                    inFlight.add(send(signal, carried, key));
                    continue;
                }
            }
            Signal documentSignal = new Signal(signal.collection(), signal.aggregateId(), null);
            if (readBack.add(documentSignal)) {
                Document document = mongo.findById(signal.aggregateId(), Document.class, signal.collection());
                if (document != null) {
                    for (PendingEvent pending : pendingEvents(document)) {
                        Sent last = lastSent.get(key);
                        if (last == null || !last.covers(pending)) {
                            inFlight.add(send(documentSignal, pending, key));
                        } else {
                            // acknowledged in an earlier round whose removal failed: remove it, do not resend it
                            // after a later version
                            alreadyAcknowledged.add(new InFlight(documentSignal, pending, null));
                        }
                    }
                }
            }
        }
        List<InFlight> acknowledged = new ArrayList<>(alreadyAcknowledged);
        for (InFlight sent : inFlight) {
            try {
                sent.result().get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(sent);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failures.increment();
                lastSent.remove(sent.signal().collection() + "/" + sent.signal().aggregateId());
                retryLater(sent.signal());
                log.warn(
                        "Event {} of {} {} not acknowledged; it stays pending: {}",
                        sent.event().eventId(),
                        sent.signal().collection(),
                        sent.signal().aggregateId(),
                        e.toString());
            }
        }
        if (!acknowledged.isEmpty()) {
            try {
                acknowledger.execute(() -> markPublishedSafely(acknowledged));
            } catch (RejectedExecutionException stopping) {
                markPublishedSafely(acknowledged);
            }
        }
    }

    private void markPublishedSafely(List<InFlight> acknowledged) {
        try {
            markPublished(acknowledged);
        } catch (RuntimeException e) {
            // published but still in their documents: a later read-back or the sweep removes them without resending
            log.warn(
                    "Could not remove {} published events from their documents: {}", acknowledged.size(), e.toString());
        }
    }

    private InFlight send(Signal signal, PendingEvent event, String key) {
        if (lastSent.size() > MAX_TRACKED_AGGREGATES) {
            lastSent.clear(); // forgetting only costs a read of the document for the next event
        }
        Sent last = lastSent.get(key);
        if (last != null && last.version() == event.aggregateVersion()) {
            last.eventIds().add(event.eventId());
        } else {
            lastSent.put(key, new Sent(event.aggregateVersion(), new HashSet<>(Set.of(event.eventId()))));
        }
        return new InFlight(signal, event, kafka.send(codec.toRecord(event.toEnvelope())));
    }

    /** Removes the acknowledged events from their documents: one bulk write per collection. */
    private void markPublished(List<InFlight> acknowledged) {
        Map<String, List<InFlight>> byCollection = new LinkedHashMap<>();
        acknowledged.forEach(sent -> byCollection
                .computeIfAbsent(sent.signal().collection(), c -> new ArrayList<>())
                .add(sent));
        byCollection.forEach((collection, events) -> {
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            events.forEach(sent -> bulk.updateOne(
                    new Query(where("_id").is(sent.signal().aggregateId())),
                    new Update()
                            .pull(
                                    PendingEvent.FIELD,
                                    new Document("eventId", sent.event().eventId()))));
            bulk.execute();
            published.increment(
                    events.stream().filter(sent -> sent.result() != null).count());
            events.stream()
                    .filter(sent -> sent.event().payload() == null)
                    .forEach(sent -> removeIfDeletedAndPublished(sent.signal()));
        });
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

    private record Signal(String collection, String aggregateId, PendingEvent event) {}

    /** The last version sent of one aggregate, and which of its events (of that version) were sent. */
    record Sent(long version, Set<String> eventIds) {

        /** Sent already: an earlier version, or this very event of the last version. */
        boolean covers(PendingEvent event) {
            return event.aggregateVersion() < version
                    || (event.aggregateVersion() == version && eventIds.contains(event.eventId()));
        }

        /** May go right after what was sent: the next version, or another event of the same version. */
        boolean isFollowedBy(PendingEvent event) {
            return event.aggregateVersion() == version + 1
                    || (event.aggregateVersion() == version && !eventIds.contains(event.eventId()));
        }
    }

    private record InFlight(Signal signal, PendingEvent event, CompletableFuture<SendResult<String, byte[]>> result) {}
}
