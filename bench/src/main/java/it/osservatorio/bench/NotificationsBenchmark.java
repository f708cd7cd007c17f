package it.osservatorio.bench;

import com.sun.net.httpserver.HttpServer;
import it.osservatorio.notifications.subscription.application.SubscriptionIndex;
import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.Criteria;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.Matcher;
import it.osservatorio.notifications.subscription.domain.Notice;
import it.osservatorio.notifications.subscription.domain.Subscription;
import it.osservatorio.notifications.subscription.domain.Vocabulary;
import it.osservatorio.notifications.subscription.domain.WebhookTarget;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * notifications-service: two scenarios. Not a test.
 *
 * <ol>
 *   <li><b>match</b> (in-process, the service's own classes): one new call matched against {@code bench.subscriptions}
 *       (100,000) generated subscriptions by the {@link SubscriptionIndex} the service uses (criteria prepared once,
 *       buckets by kind and axis), next to the baseline in the same run: a naive linear scan preparing each
 *       subscription's criteria for every call. Both must find the same subscriptions.
 *   <li><b>fanout</b> (against a running platform): {@code bench.endpoints} (1,000) webhook subscriptions, each to its
 *       own URL on a receiver in this process, created through the gateway; then calls published through the gateway
 *       ({@code POST /api/projects/calls}); for every delivery, the time from sending the call to its receipt, and
 *       deliveries per second. Baseline in the same run: this process posting the same number of requests to the
 *       same endpoints directly (HTTP alone).
 * </ol>
 *
 * <p>System properties: {@code bench.scenarios} (match,fanout), {@code bench.subscriptions} (100000),
 * {@code bench.matches} (200), {@code bench.gateway} (http://localhost:8080), {@code bench.adminKey} (fanout only),
 * {@code bench.endpoints} (1000), {@code bench.calls} (3).
 */
public final class NotificationsBenchmark {

    public static void main(String[] args) throws Exception {
        Set<String> scenarios =
                Set.of(System.getProperty("bench.scenarios", "match,fanout").split(","));
        System.out.printf(
                "notifications-service benchmark, %d cores%n",
                Runtime.getRuntime().availableProcessors());
        if (scenarios.contains("match")) {
            match(Integer.getInteger("bench.subscriptions", 100_000), Integer.getInteger("bench.matches", 200));
        }
        if (scenarios.contains("fanout")) {
            fanout(
                    URI.create(System.getProperty("bench.gateway", "http://localhost:8080")),
                    System.getProperty("bench.adminKey"),
                    Integer.getInteger("bench.endpoints", 1000),
                    Integer.getInteger("bench.calls", 3));
        }
    }

    // --- (a) matching one call against many subscriptions ---------------------------------------------------------

    private static void match(int count, int rounds) {
        Random random = new Random(42);
        List<Subscription> subscriptions = new ArrayList<>(count);
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            subscriptions.add(new Subscription(
                    "sub-" + i,
                    "institution-" + (i % 500),
                    Channel.WEBHOOK,
                    java.util.EnumSet.of(EventKind.values()[random.nextInt(4)], EventKind.CALL_PUBLISHED),
                    randomCriteria(random),
                    new WebhookTarget(URI.create("https://example.org/hooks/" + i), List.of(), true, null, null, null),
                    null,
                    created,
                    1));
        }
        long loadStart = System.nanoTime();
        SubscriptionIndex index = new SubscriptionIndex();
        subscriptions.forEach(s -> index.put(s, null));
        double loadMillis = (System.nanoTime() - loadStart) / 1e6;

        List<Notice> calls = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            calls.add(randomCall(random, i));
        }
        // warm-up of both paths, then alternate
        for (int i = 0; i < 20; i++) {
            index.match(calls.get(i % calls.size()));
            naive(subscriptions, calls.get(i % calls.size()));
        }
        long[] indexed = new long[rounds];
        long[] baseline = new long[rounds];
        long matchedTotal = 0;
        for (int i = 0; i < rounds; i++) {
            Notice call = calls.get(i);
            long start = System.nanoTime();
            int viaIndex = index.match(call).size();
            indexed[i] = System.nanoTime() - start;
            start = System.nanoTime();
            int viaScan = naive(subscriptions, call);
            baseline[i] = System.nanoTime() - start;
            if (viaIndex != viaScan) {
                throw new IllegalStateException("index found " + viaIndex + ", scan " + viaScan + " for " + call.key());
            }
            matchedTotal += viaIndex;
        }
        System.out.printf(
                "%nMatch one new call against %,d subscriptions (%d calls, on average %.0f subscriptions matched each;"
                        + " index built in %.0f ms)%n",
                count, rounds, (double) matchedTotal / rounds, loadMillis);
        print("subscription index (service)", indexed);
        print("baseline: naive linear scan", baseline);
    }

    private static int naive(List<Subscription> subscriptions, Notice call) {
        int matched = 0;
        for (Subscription subscription : subscriptions) {
            if (subscription.kinds().contains(call.kind())
                    && !subscription.createdAt().isAfter(call.occurredAt())
                    && Matcher.of(subscription.criteria(), null).matches(Matcher.PreparedNotice.of(call))) {
                matched++;
            }
        }
        return matched;
    }

    private static void print(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "  %-32s p50 %8.2f ms   p99 %8.2f ms   max %8.2f ms%n",
                label,
                sorted[sorted.length / 2] / 1e6,
                sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static final String[] WORDS = {
        "innovazione", "digitale", "sostenibilità", "energia", "idrogeno", "filiera", "agroalimentare", "export",
        "ricerca", "startup", "formazione", "turismo", "cultura", "salute", "mobilità", "manifattura"
    };

    private static Criteria randomCriteria(Random random) {
        List<Integer> axes = random.nextInt(4) == 0 ? List.of() : List.of(1 + random.nextInt(8));
        List<String> ecosystems = random.nextInt(3) == 0
                ? List.of()
                : List.of(Vocabulary.ECOSYSTEMS.get(random.nextInt(Vocabulary.ECOSYSTEMS.size())));
        List<String> programmes = random.nextInt(2) == 0
                ? List.of()
                : List.of(Vocabulary.PROGRAMMES.get(random.nextInt(Vocabulary.PROGRAMMES.size())));
        List<String> keywords = random.nextInt(2) == 0
                ? List.of()
                : List.of(WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)]);
        BigDecimal min = random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(500_000)) : null;
        return new Criteria(programmes, axes, ecosystems, null, null, min, null, keywords, null).validated("");
    }

    private static Notice randomCall(Random random, int n) {
        String title = "Bando " + WORDS[random.nextInt(WORDS.length)] + " e " + WORDS[random.nextInt(WORDS.length)]
                + " n. " + n;
        return new Notice(
                "call.published:bench-" + n,
                EventKind.CALL_PUBLISHED,
                "bench-" + n,
                title,
                "Regione Lombardia",
                Vocabulary.PROGRAMMES.get(random.nextInt(Vocabulary.PROGRAMMES.size())),
                1 + random.nextInt(8),
                List.of(Vocabulary.ECOSYSTEMS.get(random.nextInt(Vocabulary.ECOSYSTEMS.size()))),
                List.of("IMPRESA"),
                List.of(),
                BigDecimal.valueOf(100_000 + random.nextInt(2_000_000)),
                null,
                Instant.parse("2026-06-01T00:00:00Z"),
                null);
    }

    // --- (b) webhook fan-out through the platform ------------------------------------------------------------------

    private static void fanout(URI gateway, String adminKey, int endpoints, int calls) throws Exception {
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException(
                    "Set -Dbench.adminKey to the platform's admin key for the fanout scenario");
        }
        var clientThreads = Executors.newFixedThreadPool(8);
        var serverThreads = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(clientThreads)
                .build();
        BenchInstitutions.Created institution = BenchInstitutions.create(
                http, gateway, adminKey, "bench-notifications", "Notifications benchmark institution");
        String run = "fanout" + UUID.randomUUID().toString().substring(0, 8);
        ConcurrentMap<String, Long> received = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int callAt = body.indexOf("\"callId\":\"");
            String call = callAt < 0 ? "raw" : body.substring(callAt + 10, body.indexOf('"', callAt + 10));
            received.putIfAbsent(call + exchange.getRequestURI().getPath(), now);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            long setup = System.nanoTime();
            for (int i = 0; i < endpoints; i++) {
                String body = """
                        {"kinds":["CALL_PUBLISHED"],"url":"%s/endpoint/%d","criteria":{"keywords":["%s"]}}""".formatted(base, i, run);
                HttpResponse<String> created = http.send(
                        json(gateway.resolve("/api/notifications/subscriptions/webhooks"), institution.apiKey(), body),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("Subscription refused: " + created.body());
                }
            }
            System.out.printf(
                    "%nWebhook fan-out: %d subscriptions, each to its own endpoint, created in %.1f s%n",
                    endpoints, (System.nanoTime() - setup) / 1e9);

            // baseline: the same number of POSTs straight to the endpoints
            long rawStart = System.nanoTime();
            List<CompletableFuture<HttpResponse<Void>>> raw = new ArrayList<>();
            for (int i = 0; i < endpoints; i++) {
                raw.add(http.sendAsync(
                        HttpRequest.newBuilder(URI.create(base + "/endpoint/" + i))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"raw\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
            CompletableFuture.allOf(raw.toArray(CompletableFuture[]::new)).join();
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
            System.out.printf(
                    "  baseline: %d direct POSTs from this process       %8.0f deliveries/s%n",
                    endpoints, endpoints / rawSeconds);

            List<Long> latencies = new ArrayList<>();
            for (int c = 0; c < calls; c++) {
                String callBody = """
                        {"issuer":"Regione Lombardia","title":"Bando %s %d","programme":"REGIONAL","axis":2,
                         "deadline":"2099-03-05T12:00"}""".formatted(run, c);
                long sent = System.nanoTime();
                HttpResponse<String> call = http.send(
                        json(gateway.resolve("/api/projects/calls"), institution.apiKey(), callBody),
                        HttpResponse.BodyHandlers.ofString());
                if (call.statusCode() != 201) {
                    throw new IllegalStateException("Call refused: " + call.body());
                }
                String callId = tools.jackson.databind.json.JsonMapper.builder()
                        .build()
                        .readTree(call.body())
                        .path("id")
                        .asString();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                List<Long> times = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    times = received.entrySet().stream()
                            .filter(e -> e.getKey().startsWith(callId + "/"))
                            .map(e -> e.getValue())
                            .toList();
                    if (times.size() >= endpoints) {
                        break;
                    }
                    Thread.sleep(50);
                }
                long last = times.stream().mapToLong(Long::longValue).max().orElse(sent);
                times.forEach(t -> latencies.add(t - sent));
                System.out.printf(
                        "  call %d: %d/%d endpoints reached, last after %.2f s: %8.0f deliveries/s%n",
                        c + 1, times.size(), endpoints, (last - sent) / 1e9, times.size() / ((last - sent) / 1e9));
            }
            long[] all = latencies.stream().mapToLong(Long::longValue).toArray();
            if (all.length > 0) {
                print("call sent → webhook received", all);
            }
        } finally {
            server.stop(0);
            // their threads are not daemons: left running, they kept the benchmark's JVM alive after its report
            clientThreads.shutdownNow();
            serverThreads.shutdownNow();
        }
    }

    private static HttpRequest json(URI uri, String key, String body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
