package it.osservatorio.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * HTTP writes at a fixed rate, each timed from its request to a 201 response; a shared numbering makes every write's
 * id (and whatever unique key the caller derives from it) unique across rounds.
 */
final class TimedWrites {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(
                    Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory()))
            .build();
    private final AtomicLong sequence = new AtomicLong();

    HttpClient http() {
        return http;
    }

    /** Sends {@code request.apply(n)} for n = 1, 2, … at {@code rate} per second for {@code duration}. */
    Latencies run(int rate, Duration duration, LongFunction<HttpRequest> request) throws InterruptedException {
        Latencies latencies = new Latencies();
        FixedRate.run(rate, duration, () -> {
            long n = sequence.incrementAndGet();
            String id = Long.toString(n);
            latencies.sent(id, System.nanoTime());
            http.sendAsync(request.apply(n), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 201) {
                            latencies.failed();
                        } else {
                            latencies.received(id, System.nanoTime());
                        }
                    });
        });
        Drain.await(latencies, Duration.ofSeconds(30));
        return latencies;
    }

    /**
     * A warm-up on both paths (not reported), then rounds alternating the direct path and the gateway, so that both
     * see the same machine; prints sent, 201, failed, p50, p99 and max per path. Reads {@code bench.rate} (200),
     * {@code bench.seconds} per round (30), {@code bench.rounds} (2) and {@code bench.warmUpSeconds} (30).
     *
     * @param what the write, e.g. "Organisation write (POST /organisations → 201)"
     * @param service the service the direct path goes to, e.g. "registry-service"
     */
    void compareDirectAndGateway(
            String what, String service, LongFunction<HttpRequest> direct, LongFunction<HttpRequest> viaGateway)
            throws InterruptedException {
        int rate = Integer.getInteger("bench.rate", 200);
        Duration round = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
        int rounds = Integer.getInteger("bench.rounds", 2);
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 30));
        System.out.printf("warm-up: %d/s for %ds on each path (not reported)...%n", rate, warmUp.toSeconds());
        run(rate, warmUp, direct);
        run(rate, warmUp, viaGateway);
        List<Latencies> directRounds = new ArrayList<>();
        List<Latencies> gatewayRounds = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            System.out.printf("round %d of %d: direct, then via gateway, %ds each...%n", i, rounds, round.toSeconds());
            directRounds.add(run(rate, round, direct));
            gatewayRounds.add(run(rate, round, viaGateway));
        }
        System.out.printf(
                "%s at %d/s, %d rounds of %ds per path, %d cores%n",
                what, rate, rounds, round.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf(FORMAT, "path", "sent", "201", "failed", "p50 ms", "p99 ms", "max ms");
        print("baseline: direct to " + service, Latencies.merge(directRounds).summary());
        print(
                "via gateway (API key → signed identity)",
                Latencies.merge(gatewayRounds).summary());
    }

    /** A JSON POST with a bearer token, answered within 30 s. */
    static HttpRequest postJson(URI target, String bearer, String body) {
        return HttpRequest.newBuilder(target)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static final String FORMAT = "%-44s %8s %8s %8s %9s %9s %9s%n";

    private static void print(String path, Latencies.Summary s) {
        System.out.printf(
                FORMAT,
                path,
                s.sent(),
                s.received(),
                s.failures(),
                "%.1f".formatted(s.p50Millis()),
                "%.1f".formatted(s.p99Millis()),
                "%.1f".formatted(s.maxMillis()));
    }
}
