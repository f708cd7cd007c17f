package it.osservatorio.testing;

import java.util.concurrent.atomic.AtomicLong;

/** Valid Partite IVA for test data: ten digits from a sequence and the Italian check digit. */
public final class PartitaIvaFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private PartitaIvaFixture() {}

    /** A Partita IVA not handed out before in this JVM (and very unlikely in an earlier run). */
    public static String next() {
        return of(SEQUENCE.incrementAndGet() * 7919 + System.currentTimeMillis() % 1000);
    }

    public static String of(long base) {
        String digits = String.format("%010d", Math.floorMod(base, 10_000_000_000L));
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
