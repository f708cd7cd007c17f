package it.osservatorio.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints, in one run against a running platform, raw Kafka produce→consume latency and the slice's HTTP→SSE latency,
 * p50 / p99 at each rate, side by side. System properties: {@code bench.gateway} (http://localhost:8080),
 * {@code bench.kafka} (localhost:9092), {@code bench.adminKey} (required), {@code bench.seconds} (60),
 * {@code bench.rates} (50,200).
 */
public final class SliceBenchmark {

    private SliceBenchmark() {}

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(System.getProperty("bench.gateway", "http://localhost:8080"));
        String kafka = System.getProperty("bench.kafka", "localhost:9092");
        String adminKey = System.getProperty("bench.adminKey");
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("Set -Dbench.adminKey to the platform's admin key");
        }
        Duration duration = Duration.ofSeconds(Long.getLong("bench.seconds", 60));
        List<Integer> rates = new ArrayList<>();
        for (String rate : System.getProperty("bench.rates", "50,200").split(",")) {
            rates.add(Integer.parseInt(rate.trim()));
        }

        String apiKey = BenchInstitutions.create(
                        HttpClient.newHttpClient(), gateway, adminKey, "bench", "Benchmark institution")
                .apiKey();
        RawKafkaLatency raw = new RawKafkaLatency(kafka);
        SliceLatency slice = new SliceLatency(gateway, apiKey);
        List<String[]> rows = new ArrayList<>();
        long partitaIvaBase = (System.currentTimeMillis() / 1000 % 100_000) * 100_000;
        warmUp(slice, partitaIvaBase);
        for (int rate : rates) {
            System.out.printf("raw Kafka at %d/s for %ds...%n", rate, duration.toSeconds());
            rows.add(row(
                    "raw Kafka produce→consume", rate, raw.run(rate, duration).summary()));
            System.out.printf("slice HTTP→SSE at %d/s for %ds...%n", rate, duration.toSeconds());
            partitaIvaBase += 50_000;
            SliceLatency.Result result = slice.run(rate, duration, partitaIvaBase);
            rows.add(row("slice gateway HTTP→SSE", rate, result.toEvent().summary()));
            if (Boolean.getBoolean("bench.timeline")) {
                System.out.print(result.toEvent().timeline());
            }
            rows.add(row("  of which HTTP response", rate, result.toResponse().summary()));
            rows.add(row(
                    "  HTTP sent → registry event time",
                    rate,
                    result.toEventTime().summary()));
            rows.add(row(
                    "  registry event time → SSE client",
                    rate,
                    result.eventTimeToClient().summary()));
        }
        print(rows, duration);
    }

    private static void warmUp(SliceLatency slice, long partitaIvaBase) throws Exception {
        // The services' JIT compilers need some thousands of requests before they measure steady state.
        int rate = Integer.getInteger("bench.warmUpRate", 100);
        long seconds = Long.getLong("bench.warmUpSeconds", 30);
        System.out.printf("warm-up: %d/s for %ds (not reported)...%n", rate, seconds);
        slice.run(rate, Duration.ofSeconds(seconds), partitaIvaBase + 90_000);
    }

    private static String[] row(String scenario, int rate, Latencies.Summary s) {
        return new String[] {
            scenario,
            rate + "/s",
            Integer.toString(s.sent()),
            Integer.toString(s.received()),
            Integer.toString(s.failures()),
            String.format("%.1f", s.p50Millis()),
            String.format("%.1f", s.p99Millis()),
            String.format("%.1f", s.maxMillis())
        };
    }

    private static void print(List<String[]> rows, Duration duration) {
        String format = "%-34s %7s %7s %9s %9s %9s %9s %9s%n";
        System.out.println();
        System.out.printf(
                "Latency, %ds per rate, %d cores%n",
                duration.toSeconds(), Runtime.getRuntime().availableProcessors());
        System.out.printf(format, "scenario", "rate", "sent", "received", "failed", "p50 ms", "p99 ms", "max ms");
        rows.forEach(row -> System.out.printf(format, (Object[]) row));
    }
}
