package it.osservatorio.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepInterval how often the relay scans its collections for events left behind, besides the scan at start
 *     (which finds what a crash left) and the retries of failed sends (which it schedules itself): a safety net,
 *     rare because the scan reads every document on a MongoDB without a partial index (the embedded server)
 * @param retryDelay how long after a failed send the relay tries that aggregate again
 * @param sendTimeout how long the relay waits for the broker's acknowledgement of one batch
 * @param batchSize at most this many aggregates are published per round trip
 */
@ConfigurationProperties("osservatorio.outbox")
public record OutboxProperties(
        Relay relay, Duration sweepInterval, Duration retryDelay, Duration sendTimeout, Integer batchSize) {

    public OutboxProperties {
        relay = relay == null ? new Relay(true) : relay;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(10) : sweepInterval;
        retryDelay = retryDelay == null ? Duration.ofSeconds(2) : retryDelay;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
        batchSize = batchSize == null ? 500 : batchSize;
    }

    public record Relay(boolean enabled) {}
}
