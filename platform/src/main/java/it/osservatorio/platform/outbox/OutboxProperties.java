package it.osservatorio.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sweepInterval how often the relay looks for events left behind (after a crash or a broker outage)
 * @param sendTimeout how long the relay waits for the broker's acknowledgement of one batch
 * @param batchSize at most this many aggregates are published per round trip
 */
@ConfigurationProperties("osservatorio.outbox")
public record OutboxProperties(Relay relay, Duration sweepInterval, Duration sendTimeout, Integer batchSize) {

    public OutboxProperties {
        relay = relay == null ? new Relay(true) : relay;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(15) : sweepInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
        batchSize = batchSize == null ? 500 : batchSize;
    }

    public record Relay(boolean enabled) {}
}
