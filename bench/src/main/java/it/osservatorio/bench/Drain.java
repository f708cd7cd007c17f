package it.osservatorio.bench;

import java.time.Duration;

/** Waits until every sent message was received, or the grace period ends. */
final class Drain {

    private Drain() {}

    static void await(Latencies latencies, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (latencies.receivedCount() + latencies.failures() < latencies.sentCount()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
