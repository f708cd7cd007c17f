package it.osservatorio.bench;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.ServiceIdentity;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.indicators.IndicatorValueChanged;
import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.NetworkChanged;
import it.osservatorio.contracts.registry.OrganisationChanged;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * indicators-service under load, three scenarios against a running platform (best a throw-away one: the scenarios
 * produce synthetic organisations, memberships and projects straight to the registry's and projects' topics, as
 * those services would). Not a test.
 *
 * <ol>
 *   <li><b>ingest</b>: N observations produced to {@code osservatorio.indicators.observations.v1} as fast as the
 *       producer goes; the figure is N / (first send → the moment group {@code indicators-service} has committed past
 *       the last of them, i.e. stored them and queued their value changes). Baseline in the same run: a raw consumer
 *       reading the same N records from the same topic, and raw {@code insertMany} of N equivalent cell documents (one
 *       revision, one pending event) on the same MongoDB server.
 *   <li><b>computed</b>: project events, one at a time at a fixed rate, each changing "projects of axis n"; latency
 *       from the send to the moment a consumer reads the {@code IndicatorValueChanged} of {@code PRJ-COUNT-An} whose
 *       {@code knownAt} covers the event's time, after one warm-up event. Baseline: the same records' raw produce → consume latency on the
 *       projects topic.
 *   <li><b>replay</b>: N organisations (a third with a membership) produced to the registry's topics, then
 *       {@code POST /computed/rebuild}; the rate is the events applied per second until caught up, the digest before and
 *       after must be equal. Baseline: a raw consumer reading the four source topics from offset 0.
 * </ol>
 *
 * <p>System properties: {@code bench.kafka} (localhost:9092), {@code bench.indicators} (http://localhost:8083),
 * {@code bench.mongo} (mongodb://localhost:27017, for the raw insertMany baseline of the ingest),
 * {@code bench.identityKey} (default {@code $OSSERVATORIO_HOME/keys/identity-private.pem}), {@code bench.ingestWarmUp}
 * (20000, observations ingested before the measured ones), {@code bench.scenarios}
 * (ingest,computed,replay), {@code bench.observations} (100000), {@code bench.projects} (200), {@code bench.rate}
 * (20 project events/s), {@code bench.entities} (20000).
 */
public final class IndicatorsBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GROUP = "indicators-service";

    private final String kafka = System.getProperty("bench.kafka", "localhost:9092");
    private final String indicators = System.getProperty("bench.indicators", "http://localhost:8083");
    private final String mongo = System.getProperty("bench.mongo", "mongodb://localhost:27017");
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        IndicatorsBenchmark benchmark = new IndicatorsBenchmark();
        List<String> scenarios = List.of(
                System.getProperty("bench.scenarios", "ingest,computed,replay").split(","));
        if (scenarios.contains("ingest")) {
            benchmark.ingest(
                    Integer.getInteger("bench.observations", 100_000),
                    Integer.getInteger("bench.ingestWarmUp", 20_000));
        }
        if (scenarios.contains("computed")) {
            benchmark.computed(Integer.getInteger("bench.projects", 200), Integer.getInteger("bench.rate", 20));
        }
        if (scenarios.contains("replay")) {
            benchmark.replay(Integer.getInteger("bench.entities", 20_000));
        }
    }

    // ---------------------------------------------------------------- ingest

    /**
     * @param warmUp observations ingested first and not reported (new cells of their own), as the other benchmarks
     *     warm the services up: the first batches run in the interpreter
     */
    void ingest(int count, int warmUp) throws Exception {
        int cellOffset = (int) (System.currentTimeMillis() / 1000 % 200) * 5000; // new cells in each run
        if (warmUp > 0) {
            List<ProducerRecord<String, byte[]>> warming = observations(warmUp, "warm", cellOffset + 500_000);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
                    KafkaProducer<String, byte[]> producer = producer()) {
                warming.forEach(producer::send);
                producer.flush();
                Map<TopicPartition, Long> after = endOffsets(admin, Topics.INDICATOR_OBSERVATIONS);
                while (!committedPast(admin, after)) {
                    Thread.sleep(20);
                }
            }
            System.out.printf("ingest warm-up: %,d observations (not reported)%n", warmUp);
        }
        List<ProducerRecord<String, byte[]>> records = observations(count, "run", cellOffset);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka));
                KafkaProducer<String, byte[]> producer = producer()) {
            Map<TopicPartition, Long> before = endOffsets(admin, Topics.INDICATOR_OBSERVATIONS);
            long valuesBefore = total(endOffsets(admin, Topics.INDICATOR_VALUES));
            long start = System.nanoTime();
            records.forEach(producer::send);
            producer.flush();
            long produced = System.nanoTime();
            Map<TopicPartition, Long> after = endOffsets(admin, Topics.INDICATOR_OBSERVATIONS);
            while (!committedPast(admin, after)) {
                Thread.sleep(20);
            }
            long ingested = System.nanoTime();
            while (total(endOffsets(admin, Topics.INDICATOR_VALUES)) < valuesBefore + count) {
                Thread.sleep(20);
            }
            long published = System.nanoTime();
            double serviceRate = count / seconds(ingested - start);
            double produceRate = count / seconds(produced - start);
            double rawRate = rawConsumerRate(before, count);
            String payload = new String(records.getFirst().value(), java.nio.charset.StandardCharsets.UTF_8);
            double insertRate = InsertManyBaseline.rowsPerSecond(
                    mongo, "indicator_series_", List.of(), count, i -> seriesDocument(i, payload));
            System.out.printf(
                    "ingest: %,d observations | producer %,.0f/s | indicators-service ingested %,.0f/s (send → committed,"
                            + " %.2f s), value changes published %,.0f/s (send → last on the values topic, %.2f s) |"
                            + " baseline raw consumer on the same records %,.0f/s, raw insertMany of %,d equivalent"
                            + " cell documents on the same MongoDB server %,.0f/s%n",
                    count,
                    produceRate,
                    serviceRate,
                    seconds(ingested - start),
                    count / seconds(published - start),
                    seconds(published - start),
                    rawRate,
                    count,
                    insertRate);
        }
    }

    private List<ProducerRecord<String, byte[]>> observations(int count, String kind, int cellOffset) {
        EventCodec codec = new EventCodec("bench-institution");
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            ObservationSubmitted observation = new ObservationSubmitted(
                    "bench-" + run + "-" + kind + "-" + i,
                    "IND-02",
                    String.valueOf(2000 + i % 25),
                    String.format("COMUNE:%06d", (i / 25 + cellOffset) % 1_000_000),
                    BigDecimal.valueOf(100 + i % 997),
                    null,
                    "IndicatorsBenchmark (synthetic)",
                    "bench-institution",
                    true,
                    null,
                    now);
            records.add(codec.toRecord(codec.envelope(observation)));
        }
        return records;
    }

    /** A series cell as indicators-service stores it: one revision and one pending event. */
    private static org.bson.Document seriesDocument(int i, String payload) {
        Date now = new Date();
        return new org.bson.Document("_id", "IND-02|" + (2000 + i % 25) + "|COMUNE:" + String.format("%06d", i / 25))
                .append("indicatorCode", "IND-02")
                .append("period", String.valueOf(2000 + i % 25))
                .append("territory", String.format("COMUNE:%06d", i / 25))
                .append("kind", "OBSERVED")
                .append("version", 1L)
                .append("status", "NO_TARGET")
                .append(
                        "revisions",
                        List.of(new org.bson.Document("revision", 1)
                                .append("value", String.valueOf(100 + i % 997))
                                .append("knownAt", now)
                                .append("source", "IndicatorsBenchmark (synthetic)")
                                .append("institutionId", "bench-institution")
                                .append("synthetic", true)
                                .append("note", null)
                                .append("submissionId", "bench-" + i)))
                .append(
                        "pendingEvents",
                        List.of(new org.bson.Document(
                                        "eventId", UUID.randomUUID().toString())
                                .append("ceType", "it.osservatorio.indicators.value.changed.v1")
                                .append("subject", "IND-02")
                                .append("aggregateVersion", 1L)
                                .append("time", now)
                                .append("payload", payload)));
    }

    private static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private boolean committedPast(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            if (end.getValue() > 0 && (offset == null || offset.offset() < end.getValue())) {
                return false;
            }
        }
        return true;
    }

    private double rawConsumerRate(Map<TopicPartition, Long> from, int count) {
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            int read = 0;
            long start = System.nanoTime();
            while (read < count) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
            return read / seconds(System.nanoTime() - start);
        }
    }

    // ---------------------------------------------------------------- computed

    void computed(int count, int rate) throws Exception {
        EventCodec codec = new EventCodec("projects-service");
        Latencies service = new Latencies();
        Latencies raw = new Latencies();
        Map<Integer, ConcurrentLinkedQueue<long[]>> pendingByAxis = new ConcurrentHashMap<>();
        for (int axis = 1; axis <= 8; axis++) {
            pendingByAxis.put(axis, new ConcurrentLinkedQueue<>());
        }
        warmUp(codec);
        AtomicBoolean running = new AtomicBoolean(true);
        KafkaConsumer<String, byte[]> values = rawConsumer();
        KafkaConsumer<String, byte[]> projects = rawConsumer();
        positionAtEnd(values, Topics.INDICATOR_VALUES);
        positionAtEnd(projects, Topics.PROJECTS);
        Thread valueReader = new Thread(() -> {
            EventCodec reader = new EventCodec("bench-reader");
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : values.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    if (record.key() == null || !record.key().startsWith("PRJ-COUNT-A") || record.value() == null) {
                        continue;
                    }
                    ReceivedEvent event = reader.read(record.key(), record.headers(), record.value());
                    IndicatorValueChanged value =
                            (IndicatorValueChanged) event.payload().orElseThrow();
                    int axis = Integer.parseInt(value.indicatorCode().substring("PRJ-COUNT-A".length()));
                    long known = value.knownAt().toEpochMilli();
                    ConcurrentLinkedQueue<long[]> pending = pendingByAxis.get(axis);
                    while (!pending.isEmpty() && pending.peek()[1] <= known) {
                        long[] sent = pending.poll();
                        service.received("p" + sent[0], now);
                    }
                }
            }
            values.close();
        });
        Thread projectReader = new Thread(() -> {
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : projects.poll(Duration.ofMillis(20))) {
                    raw.received(record.key(), System.nanoTime());
                }
            }
            projects.close();
        });
        valueReader.start();
        projectReader.start();
        long periodNanos = 1_000_000_000L / rate;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += periodNanos;
                int axis = 1 + i % 8;
                String id = "prj-bench-" + run + "-" + i;
                Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                ProjectChanged project = benchProject(id, axis, time);
                long sentNanos = System.nanoTime();
                service.sent("p" + i, sentNanos);
                raw.sent(id, sentNanos);
                pendingByAxis.get(axis).add(new long[] {i, time.toEpochMilli()});
                producer.send(codec.toRecord(codec.envelope(project, time)));
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (service.receivedCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        running.set(false);
        valueReader.join();
        projectReader.join();
        Latencies.Summary s = service.summary();
        Latencies.Summary r = raw.summary();
        System.out.printf(
                "computed: %d project events at %d/s | source event → PRJ-COUNT value change read: p50 %.1f ms, p99 %.1f"
                        + " ms, max %.1f ms (%d of %d seen) | baseline raw produce → consume on the projects topic:"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                count,
                rate,
                s.p50Millis(),
                s.p99Millis(),
                s.maxMillis(),
                s.received(),
                s.sent(),
                r.p50Millis(),
                r.p99Millis(),
                r.maxMillis());
    }

    /**
     * One project event before the measured ones, waited for until its value change is read: the projects topic may
     * not exist yet on a fresh platform, and the service's consumer only joins a new topic at its next metadata
     * refresh (5 s).
     */
    private void warmUp(EventCodec codec) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            producer.send(codec.toRecord(codec.envelope(benchProject("prj-bench-" + run + "-warm-up", 1, time), time)));
            producer.flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(indicators + "/computed"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            for (JsonNode value : state.path("values")) {
                if (value.path("code").asString().equals("PRJ-COUNT-A1")) {
                    Thread.sleep(1000); // its value change reaches (and creates) the values topic
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No value of PRJ-COUNT-A1 within 60 s of the warm-up event");
    }

    // ---------------------------------------------------------------- replay

    void replay(int count) throws Exception {
        EventCodec codec = new EventCodec("registry-service");
        Instant time = Instant.now();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < count; i++) {
                String organisation = "org-bench-" + run + "-" + i;
                producer.send(codec.toRecord(codec.envelope(benchOrganisation(organisation, i), time)));
                if (i % 3 == 0) {
                    producer.send(codec.toRecord(codec.envelope(
                            new MembershipChanged(
                                    "mem-bench-" + run + "-" + i,
                                    1,
                                    MembershipChanged.Change.REGISTERED,
                                    "bench-institution",
                                    organisation,
                                    i % 2 == 0 ? NetworkChanged.Kind.CLUSTER : NetworkChanged.Kind.FILIERA,
                                    "net-bench",
                                    MembershipChanged.Role.ASSOCIATE,
                                    null,
                                    null,
                                    time),
                            time)));
                }
            }
            producer.flush();
        }
        JsonNode state = awaitCaughtUp(0);
        long applied = state.path("eventsApplied").asLong();
        String digest = state.path("digest").asString();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(indicators + "/computed/rebuild"))
                        .header("Authorization", "Bearer " + adminToken())
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Rebuild refused: " + response.statusCode() + " " + response.body());
        }
        JsonNode rebuilt = awaitCaughtUp(applied);
        long elapsed = System.nanoTime() - start;
        double rawRate = rawReplayRate();
        System.out.printf(
                "replay: %,d events applied in %.2f s = %,.0f events/s, digest %s | baseline raw consumer reading the"
                        + " four source topics from offset 0: %,.0f records/s%n",
                rebuilt.path("eventsApplied").asLong(),
                seconds(elapsed),
                rebuilt.path("eventsApplied").asLong() / seconds(elapsed),
                digest.equals(rebuilt.path("digest").asString()) ? "identical" : "DIFFERENT",
                rawRate);
    }

    private JsonNode awaitCaughtUp(long minimumApplied) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long lastApplied = -1;
        while (System.nanoTime() < deadline) {
            JsonNode state = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(indicators + "/computed"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            long applied = state.path("eventsApplied").asLong();
            if (state.path("caughtUp").asBoolean() && applied >= minimumApplied && applied == lastApplied) {
                return state;
            }
            lastApplied = applied;
            Thread.sleep(minimumApplied == 0 ? 500 : 50);
        }
        throw new IllegalStateException("indicators-service did not catch up within 5 minutes");
    }

    private double rawReplayRate() {
        try (KafkaConsumer<String, byte[]> consumer = rawConsumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ORGANISATIONS, Topics.MEMBERSHIPS, Topics.PROJECTS, Topics.CALLS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = 0;
            long start = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                total += consumer.poll(Duration.ofMillis(100)).count();
            }
            return total / seconds(System.nanoTime() - start);
        }
    }

    // ---------------------------------------------------------------- plumbing

    private String adminToken() throws Exception {
        return SignedIdentity.token(
                SignedIdentity.keyFile(),
                "bench-admin",
                "Indicators benchmark",
                ServiceIdentity.SCOPE_READ + " " + ServiceIdentity.SCOPE_ADMIN);
    }

    private Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        try {
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        } catch (java.util.concurrent.ExecutionException e) {
            return Map.of(); // the topic does not exist yet
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private void positionAtEnd(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    private KafkaConsumer<String, byte[]> rawConsumer() {
        Properties properties = RawKafkaLatency.consumerProperties(kafka, ByteArrayDeserializer.class, 10);
        properties.put("max.poll.records", 2000);
        return new KafkaConsumer<>(properties);
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }

    /** A proposed project of the axis, as projects-service would publish it (no amounts, synthetic). */
    private static ProjectChanged benchProject(String id, int axis, Instant time) {
        return new ProjectChanged(
                id,
                1,
                ProjectChanged.Change.PROPOSED,
                "bench-institution",
                null,
                "Benchmark project " + id,
                null,
                null,
                new ProjectChanged.Programme(ProjectChanged.ProgrammeKind.CREMONA_PACT, null, null, null, null, null),
                null,
                axis,
                null,
                null,
                List.of(),
                ProjectChanged.ProjectStatus.PROPOSED,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                BigDecimal.ZERO,
                null,
                null,
                true,
                time,
                List.of(axis));
    }

    /** A company in the province of Cremona, as the registry would publish it (synthetic). */
    private static OrganisationChanged benchOrganisation(String id, int i) {
        return new OrganisationChanged(
                id,
                1,
                OrganisationChanged.Change.REGISTERED,
                "bench-institution",
                "Benchmark company " + i,
                OrganisationChanged.OrganisationType.IMPRESA,
                null,
                null,
                null,
                null,
                null,
                new OrganisationChanged.Address(null, "Cremona", "019036", "CR", "Lombardia"),
                null,
                List.of(),
                null,
                true,
                Instant.now());
    }
}
