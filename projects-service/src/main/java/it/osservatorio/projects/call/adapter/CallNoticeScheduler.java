package it.osservatorio.projects.call.adapter;

import it.osservatorio.projects.call.application.CallService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the notices of calls as they fall due: a round every {@code interval} (so a notice leaves at most one
 * interval after its moment), the first round at start catching up on whatever fell due while the service was down.
 */
class CallNoticeScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CallNoticeScheduler.class);

    private final CallService calls;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    CallNoticeScheduler(CallService calls, Duration interval) {
        this.calls = calls;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(
                runnable -> Thread.ofPlatform().name("call-notices").daemon().unstarted(runnable));
        executor.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    private void round() {
        try {
            int published = calls.publishDueNotices();
            if (published > 0) {
                log.info("Published {} call notices", published);
            }
        } catch (RuntimeException e) {
            log.warn("Call notice round failed, retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
