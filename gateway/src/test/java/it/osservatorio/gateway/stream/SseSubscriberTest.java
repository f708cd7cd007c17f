package it.osservatorio.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import it.osservatorio.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

class SseSubscriberTest {

    private static final String ORGANISATIONS = Topics.ALL.get(0);
    private static final String PROJECTS = Topics.ALL.get(3);

    @Test
    void shouldShareFramesWithLiveClientsAndEncodeOwnIdsForResumedClientWhenEventsArrive() throws Exception {
        LiveEventLog log = new LiveEventLog(10);
        log.append(ORGANISATIONS, 0, 7, "org", "{\"n\":1}");
        CapturingEmitter liveEmitter = new CapturingEmitter();
        CapturingEmitter resumedEmitter = new CapturingEmitter();
        SseSubscriber live = new SseSubscriber(liveEmitter, 10, StreamFilter.parse(null, null, null));
        SseSubscriber resumed = new SseSubscriber(resumedEmitter, 10, StreamFilter.parse(null, null, null));
        LiveEventLog.Resume liveStart = log.subscribe(live, null);
        LiveEventLog.Resume resumedStart =
                log.subscribe(resumed, StreamPosition.parse("0.0.6_3.1.2").orElseThrow());
        Thread liveThread = Thread.ofVirtual().start(() -> live.run(liveStart.start(), liveStart.buffered()));
        Thread resumedThread =
                Thread.ofVirtual().start(() -> resumed.run(resumedStart.start(), resumedStart.buffered()));

        LiveEvent second = log.append(PROJECTS, 0, 3, "prj", "{\"n\":2}");
        log.append(ORGANISATIONS, 0, 7, "org", "{\"n\":1}"); // read again after a rebalance: nobody gets it twice
        LiveEvent third = log.append(ORGANISATIONS, 0, 8, "org", "{\"n\":3}");
        liveEmitter.awaitFrames(2);
        resumedEmitter.awaitFrames(3);
        live.disconnect("test over");
        resumed.disconnect("test over");
        liveThread.join(5_000);
        resumedThread.join(5_000);

        assertThat(liveEmitter.frames).containsExactly(text(second.frame()), text(third.frame()));
        assertThat(liveEmitter.frames.getFirst()).startsWith("id:0.0.7_3.0.3\n");
        assertThat(resumedEmitter.frames)
                .containsExactly(
                        "id:0.0.7_3.1.2\nevent:org\ndata:{\"n\":1}\n\n",
                        "id:0.0.7_3.0.3_3.1.2\nevent:prj\ndata:{\"n\":2}\n\n",
                        "id:0.0.8_3.0.3_3.1.2\nevent:org\ndata:{\"n\":3}\n\n");
    }

    @Test
    void shouldDropSlowClientWithoutDelayingOthersWhenItsQueueOverflows() throws Exception {
        LiveEventLog log = new LiveEventLog(100);
        CapturingEmitter fastEmitter = new CapturingEmitter();
        StuckEmitter stuckEmitter = new StuckEmitter();
        SseSubscriber fast = new SseSubscriber(fastEmitter, 5, StreamFilter.parse(null, null, null));
        SseSubscriber slow = new SseSubscriber(stuckEmitter, 5, StreamFilter.parse(null, null, null));
        LiveEventLog.Resume fastStart = log.subscribe(fast, null);
        LiveEventLog.Resume slowStart = log.subscribe(slow, null);
        Thread fastThread = Thread.ofVirtual().start(() -> fast.run(fastStart.start(), fastStart.buffered()));
        Thread slowThread = Thread.ofVirtual().start(() -> slow.run(slowStart.start(), slowStart.buffered()));

        for (int offset = 0; offset < 20; offset++) {
            log.append(ORGANISATIONS, 0, offset, "org", "{\"n\":" + offset + "}");
            fastEmitter.awaitFrames(offset + 1);
        }

        assertThat(fastEmitter.frames).hasSize(20);
        assertThat(log.droppedSubscribers()).isEqualTo(1);
        assertThat(log.subscriberCount()).isEqualTo(1);
        assertThat(slow.isOpen()).isFalse();
        stuckEmitter.release.countDown();
        slowThread.join(5_000);
        assertThat(stuckEmitter.frames).hasSizeLessThan(20);
        fast.disconnect("test over");
        fastThread.join(5_000);
    }

    @Test
    void shouldSendHeartbeatCommentWhenAskedBetweenEvents() throws Exception {
        LiveEventLog log = new LiveEventLog(10);
        CapturingEmitter emitter = new CapturingEmitter();
        SseSubscriber subscriber = new SseSubscriber(emitter, 10, StreamFilter.parse(null, null, null));
        LiveEventLog.Resume start = log.subscribe(subscriber, null);
        Thread thread = Thread.ofVirtual().start(() -> subscriber.run(start.start(), start.buffered()));

        subscriber.heartbeat();
        emitter.awaitFrames(1);
        subscriber.disconnect("test over");
        thread.join(5_000);

        assertThat(emitter.frames).containsExactly(":heartbeat\n\n");
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    /** Records what the subscriber sends instead of writing to a response. */
    private static final class CapturingEmitter extends ResponseBodyEmitter {
        final List<String> frames = new CopyOnWriteArrayList<>();

        @Override
        public void send(Object object, MediaType mediaType) {
            frames.add(text((byte[]) object));
        }

        void awaitFrames(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (frames.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
    }

    /** A client whose network never takes the first frame, until released. */
    private static final class StuckEmitter extends ResponseBodyEmitter {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void send(Object object, MediaType mediaType) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            frames.add(text((byte[]) object));
        }
    }
}
