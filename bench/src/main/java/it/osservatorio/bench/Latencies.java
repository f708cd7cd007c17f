package it.osservatorio.bench;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Send and receive instants of numbered messages, and the percentiles of their difference. */
final class Latencies {

    private final ConcurrentMap<String, Long> sentAt = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> latencyNanos = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    void sent(String id, long nanos) {
        sentAt.put(id, nanos);
    }

    void received(String id, long nanos) {
        Long start = sentAt.get(id);
        if (start != null) {
            latencyNanos.putIfAbsent(id, nanos - start);
        }
    }

    /** One set of latencies out of several runs (ids are unique across them). */
    static Latencies merge(java.util.List<Latencies> runs) {
        Latencies merged = new Latencies();
        for (Latencies run : runs) {
            merged.sentAt.putAll(run.sentAt);
            merged.latencyNanos.putAll(run.latencyNanos);
            merged.failures.addAndGet(run.failures());
        }
        return merged;
    }

    void failed() {
        failures.incrementAndGet();
    }

    int sentCount() {
        return sentAt.size();
    }

    int receivedCount() {
        return latencyNanos.size();
    }

    int failures() {
        return failures.get();
    }

    Summary summary() {
        long[] sorted =
                latencyNanos.values().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Summary(
                sentCount(),
                receivedCount(),
                failures(),
                millis(sorted, 0.50),
                millis(sorted, 0.99),
                millis(sorted, 1.0));
    }

    /**
     * One line per second of the run, by the second the message was sent: how many, their p99 and max. Shows whether
     * the slow ones come together (a pause somewhere) or spread out (queueing).
     */
    String timeline() {
        long first = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        java.util.TreeMap<Long, java.util.List<Long>> perSecond = new java.util.TreeMap<>();
        latencyNanos.forEach((id, latency) -> perSecond
                .computeIfAbsent((sentAt.get(id) - first) / 1_000_000_000L, second -> new java.util.ArrayList<>())
                .add(latency));
        StringBuilder out = new StringBuilder("second  count  p99 ms  max ms\n");
        perSecond.forEach((second, latencies) -> {
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format(
                    "%6d %6d %7.1f %7.1f%n", second, sorted.length, millis(sorted, 0.99), millis(sorted, 1.0)));
        });
        return out.toString();
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }

    record Summary(int sent, int received, int failures, double p50Millis, double p99Millis, double maxMillis) {}
}
