package it.osservatorio.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's own costs, against a running platform, each next to its baseline measured in the same run. Not a test.
 *
 * <ol>
 *   <li><b>aggregate</b>: the axis overview {@code GET /api/views/axes/{n}} (four service calls in parallel) against
 *       the same four calls made in parallel by the client straight to the services; the baseline of an iteration is
 *       its slowest direct call. Iterations alternate the two paths; p50 / p99 of each and the p50 difference (the
 *       gateway's overhead; target ≤ 5 ms).
 *   <li><b>fan-out</b>: {@code bench.subscribers} (2,000) concurrent SSE clients of {@code /api/stream?kinds=organisation},
 *       then {@code bench.events} organisation writes through the gateway, one every 2 s; for each event and client,
 *       the time from the registry's event time to the client's receipt (the client and the platform share the
 *       machine's clock), p50 / p99 over every receipt; baseline: one single client measured the same way just
 *       before, alone. The spread from an event's first to its last receipt is printed too. Memory per subscriber:
 *       the gateway's heap after a GC with the subscribers connected minus before, divided by their number (needs
 *       {@code bench.gatewayPid} for {@code jcmd GC.run}, otherwise the figure includes garbage).
 * </ol>
 *
 * <p>System properties: {@code bench.gateway} (http://localhost:8080), {@code bench.projects} (http://localhost:8082), {@code bench.indicators}
 * (http://localhost:8083), {@code bench.adminKey} (required), {@code bench.scenarios} (aggregate,fanout),
 * {@code bench.iterations} (400), {@code bench.warmUp} (100), {@code bench.subscribers} (2000), {@code bench.events}
 * (10), {@code bench.gatewayPid} (optional).
 */
public final class GatewayBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final HttpClient http;

    private GatewayBenchmark(URI gateway) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(System.getProperty("bench.gateway", "http://localhost:8080"));
        String adminKey = System.getProperty("bench.adminKey");
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("Set -Dbench.adminKey to the platform's admin key");
        }
        Set<String> scenarios =
                Set.of(System.getProperty("bench.scenarios", "aggregate,fanout").split(","));
        GatewayBenchmark bench = new GatewayBenchmark(gateway);
        System.out.printf("gateway benchmark, %d cores%n", Runtime.getRuntime().availableProcessors());
        if (scenarios.contains("aggregate")) {
            bench.aggregate();
        }
        if (scenarios.contains("fanout")) {
            BenchInstitutions.Created created =
                    BenchInstitutions.create(bench.http, gateway, adminKey, "bench-gateway", "Gateway benchmark");
            bench.fanOut(created.apiKey(), adminKey);
        }
        System.exit(0);
    }

    // --- (a) aggregate read: gateway view vs the slowest of the same calls made directly ---------------------------

    private void aggregate() throws Exception {
        URI projects = URI.create(System.getProperty("bench.projects", "http://localhost:8082"));
        URI indicators = URI.create(System.getProperty("bench.indicators", "http://localhost:8083"));
        int iterations = Integer.getInteger("bench.iterations", 400);
        int warmUp = Integer.getInteger("bench.warmUp", 100);
        List<Long> viaGateway = new ArrayList<>();
        List<Long> slowestDirect = new ArrayList<>();
        for (int i = 0; i < warmUp + iterations; i++) {
            int axis = i % 8 + 1;
            List<URI> direct = List.of(
                    indicators.resolve("/summary?axis=" + axis),
                    projects.resolve("/projects?axis=" + axis + "&limit=50"),
                    projects.resolve("/projects/totals?by=axis&axis=" + axis),
                    projects.resolve("/calls?status=OPEN&axis=" + axis));
            long gatewayNanos = timedGet(gateway.resolve("/api/views/axes/" + axis));
            long directNanos = slowestOf(direct);
            if (i >= warmUp) {
                viaGateway.add(gatewayNanos);
                slowestDirect.add(directNanos);
            }
        }
        long[] g = sorted(viaGateway);
        long[] d = sorted(slowestDirect);
        System.out.printf(
                "Axis overview, %d iterations (after %d warm-up), sequential:%n"
                        + "  baseline: slowest of the 4 service calls made in parallel directly  p50 %.2f ms  p99 %.2f ms%n"
                        + "  GET /api/views/axes/{n} through the gateway                          p50 %.2f ms  p99 %.2f ms%n"
                        + "  gateway overhead at p50: %.2f ms (target ≤ 5 ms)%n",
                iterations,
                warmUp,
                ms(percentile(d, 50)),
                ms(percentile(d, 99)),
                ms(percentile(g, 50)),
                ms(percentile(g, 99)),
                ms(percentile(g, 50) - percentile(d, 50)));
    }

    private long timedGet(URI uri) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response =
                http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        long elapsed = System.nanoTime() - start;
        if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return elapsed;
    }

    private long slowestOf(List<URI> uris) {
        List<CompletableFuture<Long>> calls = uris.stream()
                .map(uri -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return timedGet(uri);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        return calls.stream().mapToLong(CompletableFuture::join).max().orElseThrow();
    }

    // --- (b) SSE fan-out to many subscribers ---------------------------------------------------------------------

    private void fanOut(String apiKey, String adminKey) throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 2000);
        int events = Integer.getInteger("bench.events", 10);
        URI stream = gateway.resolve("/api/stream?kinds=organisation");

        List<Long> alone = new ArrayList<>();
        try (Subscribers one = Subscribers.open(http, stream, 1, receipt -> alone.add(receipt.latencyMillis()))) {
            writeAndWait(apiKey, one, events, 1);
        }

        long heapBefore = heapAfterGc(adminKey);
        ConcurrentLinkedQueue<Receipt> receipts = new ConcurrentLinkedQueue<>();
        try (Subscribers many = Subscribers.open(http, stream, subscribers, receipts::add)) {
            long heapWith = heapAfterGc(adminKey);
            writeAndWait(apiKey, many, events, subscribers);
            long[] all = sorted(receipts.stream().map(Receipt::latencyMillis).toList());
            long[] baseline = sorted(alone);
            long[] spreads =
                    receipts.stream()
                            .collect(java.util.stream.Collectors.groupingBy(Receipt::eventId))
                            .values()
                            .stream()
                            .mapToLong(list -> list.stream()
                                            .mapToLong(Receipt::receivedAtMillis)
                                            .max()
                                            .orElse(0)
                                    - list.stream()
                                            .mapToLong(Receipt::receivedAtMillis)
                                            .min()
                                            .orElse(0))
                            .sorted()
                            .toArray();
            System.out.printf(
                    "Live stream fan-out, %d events, one every 2 s (registry event time → SSE receipt):%n"
                            + "  baseline: 1 subscriber alone       receipts %d  p50 %d ms  p99 %d ms  max %d ms%n"
                            + "  %d concurrent subscribers          receipts %d of %d  p50 %d ms  p99 %d ms  max %d ms"
                            + " (target p99 ≤ 200 ms)%n"
                            + "  first → last receipt of one event: p50 %d ms, max %d ms%n"
                            + "  gateway heap after GC: %.1f MB before, %.1f MB with the subscribers → %.1f KB per"
                            + " subscriber%s%n",
                    events,
                    baseline.length,
                    percentile(baseline, 50),
                    percentile(baseline, 99),
                    baseline.length == 0 ? 0 : baseline[baseline.length - 1],
                    subscribers,
                    all.length,
                    (long) subscribers * events,
                    percentile(all, 50),
                    percentile(all, 99),
                    all.length == 0 ? 0 : all[all.length - 1],
                    percentile(spreads, 50),
                    spreads.length == 0 ? 0 : spreads[spreads.length - 1],
                    heapBefore / 1e6,
                    heapWith / 1e6,
                    (heapWith - heapBefore) / 1024.0 / subscribers,
                    System.getProperty("bench.gatewayPid") == null ? " (no bench.gatewayPid: includes garbage)" : "");
        }
    }

    private void writeAndWait(String apiKey, Subscribers subscribers, int events, int expectedPerEvent)
            throws Exception {
        for (int i = 0; i < events; i++) {
            String body = """
                    {"legalName":"Benchmark fan-out %d %d","type":"IMPRESA","partitaIva":"%s",
                     "address":{"street":"Via Dante 1","comune":"Cremona","comuneIstat":"019036","province":"CR",
                                "region":"Lombardia"}}""".formatted(
                    System.currentTimeMillis(), i, PartitaIva.withCheckDigit(System.nanoTime() % 9_000_000_000L + i));
            HttpResponse<String> created = http.send(
                    HttpRequest.newBuilder(gateway.resolve("/api/registry/organisations"))
                            .header("Authorization", "Bearer " + apiKey)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("write answered " + created.statusCode() + ": " + created.body());
            }
            String id = JSON.readTree(created.body()).path("id").asString();
            subscribers.awaitReceipts(id, expectedPerEvent, Duration.ofSeconds(20));
            Thread.sleep(2_000);
        }
    }

    private long heapAfterGc(String adminKey) throws Exception {
        String pid = System.getProperty("bench.gatewayPid");
        if (pid != null) {
            new ProcessBuilder("jcmd", pid, "GC.run").inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            Thread.sleep(500);
        }
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(gateway.resolve("/actuator/prometheus"))
                        .header("Authorization", "Bearer " + adminKey)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return (long) metrics.body()
                .lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    record Receipt(String eventId, long latencyMillis, long receivedAtMillis) {}

    /** Many SSE clients on the JDK client; each data line is parsed for the organisation id and its event time. */
    static final class Subscribers implements AutoCloseable {
        private final List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
        private final ConcurrentLinkedQueue<java.util.concurrent.Flow.Subscription> subscriptions =
                new ConcurrentLinkedQueue<>();
        private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        static Subscribers open(HttpClient http, URI stream, int count, Consumer<Receipt> receipts)
                throws InterruptedException {
            Subscribers subscribers = new Subscribers();
            CountDownLatch connected = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                subscribers.streams.add(http.sendAsync(
                        HttpRequest.newBuilder(stream)
                                .header("Accept", "text/event-stream")
                                .GET()
                                .build(),
                        info -> {
                            connected.countDown();
                            return HttpResponse.BodySubscribers.fromLineSubscriber(
                                    new java.util.concurrent.Flow.Subscriber<String>() {
                                        @Override
                                        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                                            subscribers.subscriptions.add(s);
                                            s.request(Long.MAX_VALUE);
                                        }

                                        @Override
                                        public void onNext(String line) {
                                            if (line.startsWith("data:")) {
                                                long now = System.currentTimeMillis();
                                                // the two top-level fields only, without parsing the payload:
                                                // the 2,000 clients share the gateway's two cores
                                                String subject = topLevelString(line, "subject");
                                                long time = Instant.parse(topLevelString(line, "time"))
                                                        .toEpochMilli();
                                                receipts.accept(new Receipt(subject, now - time, now));
                                                subscribers
                                                        .counts
                                                        .computeIfAbsent(subject, k -> new AtomicInteger())
                                                        .incrementAndGet();
                                            }
                                        }

                                        @Override
                                        public void onError(Throwable throwable) {}

                                        @Override
                                        public void onComplete() {}
                                    });
                        }));
                if (i % 200 == 199) {
                    Thread.sleep(200);
                }
            }
            if (!connected.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "only " + (count - connected.getCount()) + " of " + count + " subscribers connected");
            }
            Thread.sleep(1_000);
            return subscribers;
        }

        void awaitReceipts(String subject, int expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                AtomicInteger count = counts.get(subject);
                if (count != null && count.get() >= expected) {
                    return;
                }
                Thread.sleep(20);
            }
        }

        @Override
        public void close() {
            subscriptions.forEach(java.util.concurrent.Flow.Subscription::cancel);
            streams.forEach(stream -> stream.cancel(true));
        }
    }

    /**
     * A string field of the stream's data line, which the gateway writes as id, type, source, subject, time, version
     * and then the payload: the first occurrence is the top-level one.
     */
    static String topLevelString(String dataLine, String field) {
        String marker = "\"" + field + "\":\"";
        int start = dataLine.indexOf(marker);
        if (start < 0) {
            throw new IllegalStateException("No " + field + " in " + dataLine);
        }
        start += marker.length();
        return dataLine.substring(start, dataLine.indexOf('"', start));
    }

    private static long[] sorted(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
