package it.osservatorio.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Runs an action at a fixed rate, on schedule (not back-to-back), so a slow system cannot lower the offered load. */
final class FixedRate {

    private FixedRate() {}

    static void run(int ratePerSecond, Duration duration, Runnable action) {
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime();
        long total = duration.toSeconds() * ratePerSecond;
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            action.run();
        }
    }
}
