package it.osservatorio.gateway.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * One SSE client: a bounded queue filled without blocking by the event log, drained by the client's own virtual
 * thread, which alone waits on the client's network. Events at or before the client's position are skipped; each
 * event's id is the client's own position after it, so that a reconnection resumes exactly there. Frames are written
 * as bytes: a live client's position after an event is the gateway's, so the frame encoded once per event serves every
 * such client; a resumed client whose position differs gets its own.
 */
class SseSubscriber implements LiveSubscriber {

    private static final Logger log = LoggerFactory.getLogger(SseSubscriber.class);
    private static final LiveEvent HEARTBEAT = new LiveEvent("", -1, -1, "", "");
    private static final LiveEvent CLOSE = new LiveEvent("", -1, -1, "", "");

    private static final byte[] HEARTBEAT_FRAME = ":heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final ResponseBodyEmitter emitter;
    private final BlockingQueue<LiveEvent> queue;
    private final StreamFilter filter;
    private volatile StreamPosition seen;
    private volatile boolean open = true;

    SseSubscriber(ResponseBodyEmitter emitter, int queueCapacity, StreamFilter filter) {
        this.emitter = emitter;
        this.filter = filter.acceptsAll() ? null : filter;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.seen = StreamPosition.empty();
    }

    @Override
    public boolean offer(LiveEvent event) {
        if (filter != null && !filter.accepts(event)) {
            return true;
        }
        return !open || queue.offer(event);
    }

    void heartbeat() {
        queue.offer(HEARTBEAT);
    }

    @Override
    public void disconnect(String reason) {
        log.info("Live stream client disconnected: {}", reason);
        open = false;
        queue.clear();
        queue.offer(CLOSE);
    }

    boolean isOpen() {
        return open;
    }

    /** Sends events until the client goes away or is disconnected; runs on the client's own thread. */
    void run(StreamPosition start, Iterable<LiveEvent> replay) {
        seen = start;
        try {
            for (LiveEvent event : replay) {
                send(event);
            }
            while (open) {
                LiveEvent event = queue.poll(1, TimeUnit.SECONDS);
                if (event == null) {
                    continue;
                }
                if (event == CLOSE) {
                    break;
                }
                if (event == HEARTBEAT) {
                    emitter.send(HEARTBEAT_FRAME, MediaType.TEXT_EVENT_STREAM);
                } else {
                    send(event);
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            open = false;
            emitter.completeWithError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } finally {
            open = false;
        }
    }

    /**
     * A client in step with the live log (its position is the log's, the same object, until a filter or a resume sets
     * it apart) takes the event's shared frame and position; any other client computes its own.
     */
    private void send(LiveEvent event) throws IOException {
        boolean inStep = event.before() != null && seen == event.before();
        boolean alreadySent = inStep
                ? !event.advances()
                : event.partition() >= 0 && event.offset() <= seen.offset(event.topic(), event.partition());
        if (alreadySent) {
            return;
        }
        if (filter != null && !filter.accepts(event)) {
            return;
        }
        byte[] frame;
        if (inStep) {
            seen = event.after();
            frame = event.frame();
        } else {
            seen = seen.with(event.topic(), event.partition(), event.offset());
            if (seen.equals(event.after())) {
                seen = event.after();
                frame = event.frame();
            } else {
                frame = LiveEvent.frame(seen.encode(), event.name(), event.data());
            }
        }
        emitter.send(frame, MediaType.TEXT_EVENT_STREAM);
    }
}
