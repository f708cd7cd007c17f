package it.osservatorio.gateway.stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import it.osservatorio.gateway.GatewayProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

@RestController
@Tag(name = "Live stream", description = "Every change on the platform as Server-Sent Events")
class LiveStreamController {

    private final LiveEventLog log;
    private final KafkaGapReader gapReader;
    private final Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> liveEventContent;
    private final GatewayProperties properties;
    private final ScheduledExecutorService heartbeats;

    LiveStreamController(
            LiveEventLog log,
            KafkaGapReader gapReader,
            Function<ConsumerRecord<String, byte[]>, LiveEvent.Content> liveEventContent,
            GatewayProperties properties,
            ScheduledExecutorService liveStreamHeartbeats) {
        this.log = log;
        this.gapReader = gapReader;
        this.liveEventContent = liveEventContent;
        this.properties = properties;
        this.heartbeats = liveStreamHeartbeats;
    }

    @GetMapping(value = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Live stream of every event (public)",
            description = "Each event: id = resumable position, event = CloudEvents type, data = JSON {id, type,"
                    + " source, subject, time, version, payload}. Reconnect with Last-Event-ID to get every event"
                    + " after that position, without gaps. Optional filters (each given one must match): axis,"
                    + " kinds, organisation.")
    ResponseEntity<ResponseBodyEmitter> stream(
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @Parameter(description = "alternative to the Last-Event-ID header") @RequestParam(required = false)
                    String lastEventId,
            @Parameter(
                            description = "strategic axes 1-8, comma-separated: events about projects, calls or"
                                    + " indicators of these axes")
                    @RequestParam(required = false)
                    String axis,
            @Parameter(
                            description = "event kinds, comma-separated segments of the CloudEvents type, e.g."
                                    + " organisation, membership, call.opened, or whole types")
                    @RequestParam(required = false)
                    String kinds,
            @Parameter(
                            description = "organisation ids, comma-separated: the organisation itself, its"
                                    + " memberships and the projects it is a partner of")
                    @RequestParam(required = false)
                    String organisation) {
        StreamFilter filter = StreamFilter.parse(axis, kinds, organisation);
        String resumeFrom = lastEventIdHeader != null ? lastEventIdHeader : lastEventId;
        StreamPosition from = StreamPosition.parse(resumeFrom).orElse(null);
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L);
        SseSubscriber subscriber =
                new SseSubscriber(emitter, properties.stream().clientQueue(), filter);
        LiveEventLog.Resume resume = log.subscribe(subscriber, from);
        long period = properties.stream().heartbeat().toMillis();
        var heartbeat = heartbeats.scheduleAtFixedRate(subscriber::heartbeat, period, period, TimeUnit.MILLISECONDS);
        Runnable cleanUp = () -> {
            heartbeat.cancel(false);
            log.unsubscribe(subscriber);
            subscriber.disconnect("connection closed");
        };
        emitter.onCompletion(cleanUp);
        emitter.onTimeout(cleanUp);
        emitter.onError(error -> cleanUp.run());
        Thread.ofVirtual().name("sse-client").start(() -> {
            List<LiveEvent> replay = new ArrayList<>();
            for (LiveEventLog.Gap gap : resume.gaps()) {
                replay.addAll(gapReader.read(gap, liveEventContent));
            }
            replay.addAll(resume.buffered());
            subscriber.run(resume.start(), replay);
            cleanUp.run();
        });
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(emitter);
    }
}
