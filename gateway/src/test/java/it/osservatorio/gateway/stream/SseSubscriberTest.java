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
}
