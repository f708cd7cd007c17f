package it.osservatorio.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboxRelaySentTest {

    private static PendingEvent event(String id, long version) {
        return new PendingEvent(id, "t", "agg-1", version, Instant.EPOCH, "{}");
    }

    @Test
    void shouldSendSecondEventOfSameVersionWhenOneWriteCarriesTwoEvents() {
        OutboxRelay.Sent sent = new OutboxRelay.Sent(3, new HashSet<>(Set.of("state-3")));

        assertThat(sent.covers(event("state-3", 3))).isTrue();
        assertThat(sent.covers(event("progress-3", 3))).isFalse();
        assertThat(sent.isFollowedBy(event("progress-3", 3))).isTrue();
    }

    @Test
    void shouldTreatEarlierVersionsAsSentAndOnlyTheNextVersionAsFollowingWhenVersionsAdvance() {
        OutboxRelay.Sent sent = new OutboxRelay.Sent(3, new HashSet<>(Set.of("state-3")));

        assertThat(sent.covers(event("any-2", 2))).isTrue();
        assertThat(sent.isFollowedBy(event("state-4", 4))).isTrue();
        assertThat(sent.isFollowedBy(event("state-5", 5))).isFalse();
        assertThat(sent.covers(event("state-5", 5))).isFalse();
    }
}
