package it.osservatorio.bench;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * projects-service under load, three scenarios run one after the other against a running platform. Not a test.
 *
 * <ol>
 *   <li><b>write</b>: project publications ({@code POST /projects}) at a fixed rate, timed from the request to its 201:
 *       through the gateway with an institution's API key, and — the baseline — straight to projects-service with an
 *       identity token signed with the platform's key (as {@link RegistryWriteBenchmark} does); rounds alternate the
 *       two paths, every write is a new project with its own CUP.
 *   <li><b>import</b>: CSV import of N generated projects through the gateway ({@code POST
 *       /api/projects/projects/imports}, synchronous, in files of {@code bench.fileRows} rows so that none outlasts the
 *       gateway's 30 s read timeout), timed from the first request to the last report, then the same files again
 *       (every row unchanged); baseline: raw {@code insertMany} of equivalent documents (same unique indexes, two
 *       pending events each) into a scratch collection on the same MongoDB server.
 *   <li><b>calls</b>: calls whose opening time is a few seconds ahead; for each, the time from its opening instant to
 *       the moment a consumer reads its CallOpened notice on {@code osservatorio.projects.call-notices.v1} (wall clock:
 *       the client and the platform share the machine's clock).
 * </ol>
 *
 * <p>System properties: {@code bench.gateway} (http://localhost:8080), {@code bench.projects} (http://localhost:8082),
 * {@code bench.kafka} (localhost:9092), {@code bench.mongo} (mongodb://localhost:27017), {@code bench.adminKey}
 * (required), {@code bench.identityKey} (default {@code $OSSERVATORIO_HOME/keys/identity-private.pem}),
 * {@code bench.scenarios} (write,import,calls), {@code bench.rate} (200), {@code bench.seconds} per round (30),
 * {@code bench.rounds} (2), {@code bench.warmUpSeconds} (30), {@code bench.rows} (20000), {@code bench.fileRows}
 * (5000), {@code bench.calls} (50), {@code bench.callLeadSeconds} (5), {@code bench.callSpacingMillis} (100).
 */
public final class ProjectsBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INSTITUTION_NAME = "Projects benchmark institution";
    private static final String CSV_HEADER = "CUP;OC_TITOLO_PROGETTO;OC_SINTESI_PROGETTO;ACRONIMO;OC_DESCR_PROGRAMMA;"
            + "NOME_PROGRAMMA;PNRR_MISSIONE;PNRR_COMPONENTE;PNRR_INVESTIMENTO;PROGRAMMA_INTERREG;COD_BANDO;ASSE_PATTO;"
            + "AZIONE_EMBLEMATICA;ECOSISTEMA_S3;COD_COMUNE;OC_DATA_INIZIO_PROGETTO;OC_DATA_FINE_PROGETTO_PREVISTA;"
            + "OC_STATO_PROGETTO;FINANZ_TOTALE;FINANZ_UE;FINANZ_STATO;FINANZ_REGIONE;FINANZ_COMUNE;FINANZ_PRIVATO";

    private final TimedWrites writes = new TimedWrites();
    private final URI gateway;
    private final String apiKey;
    private final String institution;
    /**
     * CUPs of this run: a letter, two digits, a letter and 11 digits numbered from here; a run started in another
     * minute of the week gets another range of 10,000,000.
     */
    private final long cupBase = (System.currentTimeMillis() / 60_000 % 9_000) * 10_000_000L;

    private ProjectsBenchmark(URI gateway, String institution, String apiKey) {
        this.gateway = gateway;
        this.institution = institution;
        this.apiKey = apiKey;
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(System.getProperty("bench.gateway", "http://localhost:8080"));
        String adminKey = System.getProperty("bench.adminKey");
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("Set -Dbench.adminKey to the platform's admin key");
        }
        Set<String> scenarios = Set.of(
                System.getProperty("bench.scenarios", "write,import,calls").split(","));
        HttpClient setup =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BenchInstitutions.Created created =
                BenchInstitutions.create(setup, gateway, adminKey, "bench-projects", INSTITUTION_NAME);
        ProjectsBenchmark bench = new ProjectsBenchmark(gateway, created.institutionId(), created.apiKey());
        System.out.printf(
                "projects-service benchmark, institution %s, %d cores%n",
                created.institutionId(), Runtime.getRuntime().availableProcessors());
        if (scenarios.contains("write")) {
            bench.projectWrites(URI.create(System.getProperty("bench.projects", "http://localhost:8082")));
        }
        if (scenarios.contains("import")) {
            bench.imports(System.getProperty("bench.mongo", "mongodb://localhost:27017"));
        }
        if (scenarios.contains("calls")) {
            bench.callsOpened(System.getProperty("bench.kafka", "localhost:9092"));
        }
    }

    // --- (a) project writes, via the gateway and direct -------------------------------------------------------------

    private void projectWrites(URI projects) throws Exception {
        String identity = SignedIdentity.token(SignedIdentity.keyFile(), institution, INSTITUTION_NAME);
        URI direct = projects.resolve("/projects");
        URI viaGateway = gateway.resolve("/api/projects/projects");
        writes.compareDirectAndGateway(
                "Project write (POST /projects → 201)",
                "projects-service",
                n -> project(direct, identity, n),
                n -> project(viaGateway, apiKey, n));
    }

    private HttpRequest project(URI target, String bearer, long n) {
        return TimedWrites.postJson(target, bearer, projectJson(cup(n), n));
    }

    private static String projectJson(String cup, long n) {
        return """
                {"cup":"%s","title":"Progetto di benchmark %d","programme":{"kind":"FESR"},"axis":%d,
                 "s3Ecosystem":"Manifattura avanzata","comuniIstat":["019036"],
                 "startDate":"2025-01-01","endDate":"2026-12-31","totalCost":100000.00,
                 "funding":{"eu":50000.00,"national":30000.00,"regional":10000.00,"local":0,"privateFunds":10000.00}}""".formatted(cup, n, n % 8 + 1);
    }

    /** A CUP of the run: n below 1,000,000 for writes, from 1,000,000 up for imports. */
    private String cup(long n) {
        return "B%02dC%011d".formatted(n % 100, cupBase + n);
    }

    // --- (b) CSV import via the gateway, next to raw insertMany ----------------------------------------------------

    private void imports(String mongoUri) throws Exception {
        int rows = Integer.getInteger("bench.rows", 20_000);
        int fileRows = Integer.getInteger("bench.fileRows", 5_000);
        List<byte[]> files = new ArrayList<>();
        for (int from = 0; from < rows; from += fileRows) {
            files.add(csv(from, Math.min(rows, from + fileRows)));
        }
        long bytes = files.stream().mapToLong(file -> file.length).sum();
        double baseline = rawInsertMany(mongoUri, rows);
        HttpClient http = writes.http();
        double first = timedImport(http, files, rows, "created");
        double again = timedImport(http, files, rows, "unchanged");

        String format = "%-56s %10s %12s%n";
        System.out.printf("%nProject CSV import of %d rows (%.1f MB in %d files)%n", rows, bytes / 1e6, files.size());
        System.out.printf(format, "scenario", "rows", "rows/s");
        System.out.printf(
                format,
                "baseline: raw insertMany (" + InsertManyBaseline.BATCH + "/batch), same server",
                rows,
                "%.0f".formatted(baseline));
        System.out.printf(
                format, "import via gateway, new rows (first POST → last report)", rows, "%.0f".formatted(first));
        System.out.printf(format, "re-import of the same files (all unchanged)", rows, "%.0f".formatted(again));
    }

    private byte[] csv(int from, int to) {
        StringBuilder csv =
                new StringBuilder((to - from) * 140).append(CSV_HEADER).append("\r\n");
        for (int i = from; i < to; i++) {
            csv.append(cup(1_000_000L + i))
                    .append(";Progetto importato ")
                    .append(i)
                    .append(";;;FESR;;;;;;;")
                    .append(i % 8 + 1)
                    .append(";;Manifattura avanzata;019036;2025-01-01;2026-12-31;;100000.00;50000.00;30000.00;")
                    .append("10000.00;0.00;10000.00\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows per second from the first POST to the last report; warns when a report counts otherwise. */
    private double timedImport(HttpClient http, List<byte[]> files, int rows, String expectedCount) throws Exception {
        long counted = 0;
        long start = System.nanoTime();
        for (byte[] file : files) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(gateway.resolve("/api/projects/projects/imports"))
                            .header("Authorization", "Bearer " + apiKey)
                            .header("Content-Type", "text/csv")
                            .timeout(Duration.ofMinutes(2))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Import answered " + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(500, response.body().length())));
            }
            counted += JSON.readTree(response.body()).path(expectedCount).asLong();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (counted != rows) {
            System.out.printf("warning: expected %d %s rows, the reports count %d%n", rows, expectedCount, counted);
        }
        return rows / seconds;
    }

    /** Raw insertMany of documents like projects-service's, into a scratch collection dropped afterwards. */
    private double rawInsertMany(String mongoUri, int rows) {
        Date now = Date.from(Instant.now());
        return InsertManyBaseline.rowsPerSecond(
                mongoUri, "projects_import_baseline_", List.of("cup"), rows, i -> projectDocument(i, now));
    }

    private Document projectDocument(int i, Date now) {
        String id = "prj-" + UUID.randomUUID();
        String cup = "R%02dB%011d".formatted(i % 100, cupBase + i);
        String state = "{\"projectId\":\"" + id + "\",\"version\":1,\"change\":\"PROPOSED\",\"ownerInstitutionId\":\""
                + institution + "\",\"cup\":\"" + cup + "\",\"title\":\"Progetto importato " + i
                + "\",\"programme\":{\"kind\":\"FESR\"},\"axis\":" + (i % 8 + 1)
                + ",\"comuniIstat\":[\"019036\"],\"status\":\"PROPOSED\",\"totalCost\":100000.00}";
        String status = "{\"projectId\":\"" + id + "\",\"version\":1,\"to\":\"PROPOSED\"}";
        Document funding = new Document("eu", "50000.00")
                .append("national", "30000.00")
                .append("regional", "10000.00")
                .append("local", "0.00")
                .append("privateFunds", "10000.00");
        return new Document("_id", id)
                .append("version", 1L)
                .append("ownerInstitutionId", institution)
                .append("cup", cup)
                .append("title", "Progetto importato " + i)
                .append("programme", new Document("kind", "FESR"))
                .append("axis", i % 8 + 1)
                .append("s3Ecosystem", "Manifattura avanzata")
                .append("comuniIstat", List.of("019036"))
                .append("status", "PROPOSED")
                .append("startDate", "2025-01-01")
                .append("endDate", "2026-12-31")
                .append("totalCost", "100000.00")
                .append("totalCostCents", 10_000_000L)
                .append("funding", funding)
                .append("partners", List.of())
                .append("milestones", List.of())
                .append("expenditures", List.of())
                .append("createdAt", now)
                .append("updatedAt", now)
                .append("pendingEvents", List.of(pendingEvent(id, state, now), pendingEvent(id, status, now)));
    }

    private static Document pendingEvent(String id, String payload, Date now) {
        return new Document("eventId", UUID.randomUUID().toString())
                .append("ceType", "it.osservatorio.projects.bench.v1")
                .append("subject", id)
                .append("aggregateVersion", 1L)
                .append("time", now)
                .append("payload", payload);
    }

    // --- (c) call opened: opening instant → CallOpened read on its topic --------------------------------------------

    private void callsOpened(String kafka) throws Exception {
        int calls = Integer.getInteger("bench.calls", 50);
        Duration lead = Duration.ofSeconds(Long.getLong("bench.callLeadSeconds", 5));
        Duration spacing = Duration.ofMillis(Long.getLong("bench.callSpacingMillis", 100));
        Map<String, Instant> opensAt = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        EventCodec codec = new EventCodec("bench");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(RawKafkaLatency.consumerProperties(kafka, ByteArrayDeserializer.class, 10))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CALL_NOTICES).stream()
                    .map(info -> new TopicPartition(Topics.CALL_NOTICES, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before any call opens

            Instant first = Instant.now().plus(lead).truncatedTo(ChronoUnit.MILLIS);
            HttpClient http = writes.http();
            for (int i = 0; i < calls; i++) {
                Instant opens = first.plus(spacing.multipliedBy(i));
                String id = publishCall(http, i, opens);
                opensAt.put(id, opens);
                latencies.sent(id, epochNanos(opens));
            }
            if (Instant.now().isAfter(first)) {
                System.out.printf(
                        "warning: publishing the calls outlasted the lead of %ds; raise bench.callLeadSeconds%n",
                        lead.toSeconds());
            }
            long deadline = System.nanoTime()
                    + lead.plus(spacing.multipliedBy(calls)).plusSeconds(30).toNanos();
            while (latencies.receivedCount() < calls && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    Instant read = Instant.now();
                    if (record.key() == null || !opensAt.containsKey(record.key())) {
                        continue;
                    }
                    ReceivedEvent event = codec.read(record.key(), record.headers(), record.value());
                    if (event.type() == EventType.CALL_OPENED) {
                        latencies.received(record.key(), epochNanos(read));
                    }
                }
            }
        }
        Latencies.Summary s = latencies.summary();
        System.out.printf(
                "%nCall opened: %d calls opening %ds ahead, %d ms apart; opening instant → CallOpened read on %s%n",
                calls, lead.toSeconds(), spacing.toMillis(), Topics.CALL_NOTICES);
        System.out.printf("%8s %8s %9s %9s %9s%n", "calls", "read", "p50 ms", "p99 ms", "max ms");
        System.out.printf(
                "%8d %8d %9.1f %9.1f %9.1f%n", s.sent(), s.received(), s.p50Millis(), s.p99Millis(), s.maxMillis());
    }

    private String publishCall(HttpClient http, int i, Instant opens) throws Exception {
        String body = """
                {"issuer":"Regione Lombardia","title":"Bando di benchmark %d","programme":"REGIONAL",
                 "opensAt":"%s","deadline":"%s"}""".formatted(i, opens, opens.plus(Duration.ofDays(30)));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway.resolve("/api/projects/calls"))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "Call publication answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asString();
    }

    private static long epochNanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
