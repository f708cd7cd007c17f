package it.osservatorio.platform.ids;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp first, so that ids made later sort later, strictly within this
 * process. New documents then land at the end of the B-tree of every index keyed by id instead of on a random page:
 * random v4 ids made the embedded MongoDB server rewrite one page per insert at each save of its store.
 */
public final class TimeOrderedIds {

    private static final int SEQUENCE_BITS = 12;
    private static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private long lastMillis = -1;
    private int sequence;

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    public static TimeOrderedIds systemUtc() {
        return new TimeOrderedIds(Clock.systemUTC());
    }

    public UUID next() {
        long millis;
        int counter;
        synchronized (this) {
            long now = clock.millis();
            if (now > lastMillis) {
                lastMillis = now;
                // start low in the 12 bits, leaving room to count up within the same millisecond
                sequence = ThreadLocalRandom.current().nextInt(MAX_SEQUENCE / 2);
            } else if (sequence < MAX_SEQUENCE) {
                sequence++;
            } else {
                // more than ~2,000 ids in one millisecond, or the clock went back: borrow the next millisecond
                lastMillis++;
                sequence = 0;
            }
            millis = lastMillis;
            counter = sequence;
        }
        long mostSignificant = (millis << 16) | (0x7L << 12) | counter;
        long leastSignificant = (ThreadLocalRandom.current().nextLong() >>> 2) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The id as text, e.g. {@code org-019ab1c2-...}; the text sorts in the order the ids were made. */
    public String next(String prefix) {
        return prefix + next();
    }
}
