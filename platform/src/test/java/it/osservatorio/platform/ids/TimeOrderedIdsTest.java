package it.osservatorio.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.123Z");

    @Test
    void shouldMakeVersion7IdsCarryingTheMillisecondWhenAsked() {
        UUID id = new TimeOrderedIds(Clock.fixed(NOW, ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void shouldSortIdsAsTextInTheOrderTheyWereMadeWhenManyShareAMillisecond() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next("org-"));
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(new HashSet<>(made)).hasSize(10_000);
    }

    @Test
    void shouldStayOrderedWhenTheClockGoesBack() {
        MutableClock clock = new MutableClock(NOW);
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        String before = ids.next("org-");
        clock.now = NOW.minusSeconds(5);
        String after = ids.next("org-");

        assertThat(after).isGreaterThan(before);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
