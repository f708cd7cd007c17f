package it.osservatorio.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicBaseUrl where people reach this service's links (confirmation, unsubscribe, feeds)
 * @param webhooks delivery settings
 * @param mail e-mail settings
 * @param scheduler how often due deliveries are looked for
 */
@ConfigurationProperties("osservatorio.notifications")
public record NotificationsProperties(String publicBaseUrl, Webhooks webhooks, Mail mail, Scheduler scheduler) {

    public NotificationsProperties {
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080/api/notifications" : publicBaseUrl;
        webhooks = webhooks == null ? new Webhooks(null, null, null, null, null, null, null, null) : webhooks;
        mail = mail == null ? new Mail(null, null) : mail;
        scheduler = scheduler == null ? new Scheduler(null, null) : scheduler;
    }

    /**
     * @param allowPrivateTargets lets webhooks go to private, loopback and link-local addresses (tests, demos)
     * @param allowedHosts hosts allowed even though they resolve to such addresses (the local demo's receiver)
     * @param retrySchedule waits after each failed attempt; default about three days in ten retries
     * @param timeout for one request, connection included
     * @param permitsPerEndpoint concurrent requests to one endpoint
     * @param disableAfter an endpoint failing this long when a delivery runs out of retries is disabled
     * @param rotationOverlap how long the previous secret still signs after a rotation
     * @param senderThreads threads completing HTTP exchanges and recording their outcome
     */
    public record Webhooks(
            Boolean allowPrivateTargets,
            Set<String> allowedHosts,
            List<Duration> retrySchedule,
            Duration timeout,
            Integer permitsPerEndpoint,
            Duration disableAfter,
            Duration rotationOverlap,
            Integer senderThreads) {
        public Webhooks {
            allowPrivateTargets = allowPrivateTargets != null && allowPrivateTargets;
            allowedHosts = allowedHosts == null ? Set.of() : Set.copyOf(allowedHosts);
            retrySchedule = retrySchedule == null ? List.of() : List.copyOf(retrySchedule);
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            permitsPerEndpoint = permitsPerEndpoint == null ? 4 : permitsPerEndpoint;
            disableAfter = disableAfter == null ? Duration.ofDays(3) : disableAfter;
            rotationOverlap = rotationOverlap == null ? Duration.ofHours(24) : rotationOverlap;
            senderThreads = senderThreads == null ? 4 : senderThreads;
        }
    }

    /**
     * @param from sender address
     * @param digestCron when daily digests go out (Europe/Rome)
     */
    public record Mail(String from, String digestCron) {
        public Mail {
            from = from == null ? "osservatorio@localhost" : from;
            digestCron = digestCron == null ? "0 0 7 * * *" : digestCron;
        }
    }

    /** @param interval between looks for due deliveries; @param batch deliveries taken per look */
    public record Scheduler(Duration interval, Integer batch) {
        public Scheduler {
            interval = interval == null ? Duration.ofSeconds(1) : interval;
            batch = batch == null ? 500 : batch;
        }
    }
}
