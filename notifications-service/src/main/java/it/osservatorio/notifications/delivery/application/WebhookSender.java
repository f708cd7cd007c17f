package it.osservatorio.notifications.delivery.application;

import it.osservatorio.notifications.delivery.domain.Attempt;
import it.osservatorio.notifications.delivery.domain.Delivery;
import it.osservatorio.notifications.delivery.domain.DeliveryStatus;
import it.osservatorio.notifications.delivery.domain.RetrySchedule;
import it.osservatorio.notifications.delivery.domain.TargetGuard;
import it.osservatorio.notifications.delivery.domain.WebhookSignature;
import it.osservatorio.notifications.subscription.application.SubscriptionService;
import it.osservatorio.notifications.subscription.domain.SigningSecret;
import it.osservatorio.notifications.subscription.domain.Subscription;
import it.osservatorio.notifications.subscription.domain.WebhookTarget;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Sends webhook deliveries, signed per Standard Webhooks, without blocking a thread per request. Each endpoint has a
 * few permits (concurrent requests) and every request a timeout, so a dead or slow endpoint only delays its own
 * deliveries: a delivery whose endpoint is busy goes back to pending for a moment. A 2xx delivers; 410 disables the
 * endpoint; anything else is retried per the schedule, and an endpoint still failing after {@code disableAfter} when
 * a delivery runs out of retries is disabled. A disabled endpoint's contact is told by {@link OwnerNotifier}.
 */
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final Duration BUSY_WAIT = Duration.ofMillis(500);

    private final DeliveryStore deliveries;
    private final SubscriptionService subscriptions;
    private final WebhookTransport transport;
    private final TargetGuard guard;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Duration timeout;
    private final int permitsPerEndpoint;
    private final Duration disableAfter;
    private final Map<String, Semaphore> endpoints = new ConcurrentHashMap<>();

    public WebhookSender(
            DeliveryStore deliveries,
            SubscriptionService subscriptions,
            WebhookTransport transport,
            TargetGuard guard,
            RetrySchedule schedule,
            Clock clock,
            Duration timeout,
            int permitsPerEndpoint,
            Duration disableAfter) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.transport = transport;
        this.guard = guard;
        this.schedule = schedule;
        this.clock = clock;
        this.timeout = timeout;
        this.permitsPerEndpoint = permitsPerEndpoint;
        this.disableAfter = disableAfter;
    }

    /** Sends the delivery if it is due and nobody else is sending it; returns at once. */
    public void submit(String deliveryId) {
        Instant now = clock.instant();
        Optional<Delivery> claimed = deliveries.claim(deliveryId, now, lease(now));
        if (claimed.isEmpty()) {
            return;
        }
        Delivery delivery = claimed.get();
        Optional<Subscription> subscription = subscriptions.find(delivery.subscriptionId());
        if (subscription.isEmpty()) {
            deliveries.save(delivery.failedWithout("subscription deleted", now));
            return;
        }
        send(delivery, subscription.get());
    }

    /** The lease of a delivery taken for sending: long enough for one attempt with its timeout. */
    public Instant lease(Instant now) {
        return now.plus(timeout.multipliedBy(2));
    }

    /**
     * Sends a delivery this process holds in flight (just recorded so, or claimed), for the subscription as it knows
     * it; returns at once.
     */
    public void send(Delivery delivery, Subscription subscription) {
        Instant now = clock.instant();
        WebhookTarget target = subscription.webhook();
        if (!target.enabled()) {
            deliveries.save(delivery.failedWithout("endpoint disabled: " + target.disabledReason(), now));
            return;
        }
        Semaphore permits =
                endpoints.computeIfAbsent(target.url().toString(), url -> new Semaphore(permitsPerEndpoint));
        if (!permits.tryAcquire()) {
            deliveries.save(delivery.postponed(now.plus(BUSY_WAIT)));
            return;
        }
        try {
            send(target, delivery.id(), delivery.payload()).whenComplete((attempt, error) -> {
                try {
                    record(delivery, subscription, attempt);
                } catch (RuntimeException e) {
                    log.warn("Could not record the outcome of delivery {}: {}", delivery.id(), e.toString());
                } finally {
                    permits.release();
                }
            });
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** A signed test event to the endpoint, answered synchronously; no delivery is recorded. */
    public Attempt ping(Subscription subscription) {
        Instant now = clock.instant();
        String body = "{\"type\":\"ping\",\"timestamp\":\"" + now + "\",\"data\":{\"subscriptionId\":\""
                + subscription.id() + "\"}}";
        return send(subscription.webhook(), "msg_ping_" + UUID.randomUUID(), body)
                .join();
    }

    private CompletableFuture<Attempt> send(WebhookTarget target, String id, String payload) {
        Instant start = clock.instant();
        long started = System.nanoTime();
        Optional<String> refused = guard.refusal(target.url());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(
                    new Attempt(start, 0, 0, null, "target refused: " + refused.get()));
        }
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long timestamp = start.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                WebhookSignature.header(
                        target.signingSecrets(start).stream()
                                .map(SigningSecret::secret)
                                .toList(),
                        id,
                        timestamp,
                        body));
        return transport.post(target.url(), headers, body, timeout).handle((response, error) -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                return new Attempt(start, 0, millis, null, cause.toString());
            }
            return new Attempt(start, response.status(), millis, Attempt.excerpt(response.body()), null);
        });
    }

    private void record(Delivery delivery, Subscription subscription, Attempt attempt) {
        boolean gone = attempt.status() == 410;
        Delivery next = delivery.after(attempt, schedule, gone);
        deliveries.save(next);
        WebhookTarget target = subscription.webhook();
        WebhookTarget changed;
        if (attempt.succeeded()) {
            changed = target.succeeded();
        } else if (gone) {
            changed = target.disabled("the endpoint answered 410 Gone", attempt.at());
        } else {
            changed = target.failed(attempt.at());
            if (next.status() == DeliveryStatus.FAILED
                    && changed.failingSince() != null
                    && !changed.failingSince().plus(disableAfter).isAfter(attempt.at())) {
                changed = changed.disabled(
                        "failing since " + changed.failingSince() + " (" + next.outcome() + ")", attempt.at());
                log.warn(
                        "Webhook of subscription {} (institution {}) disabled: failing since {}",
                        subscription.id(),
                        subscription.ownerInstitutionId(),
                        changed.failingSince());
            }
        }
        if (!changed.equals(target)) {
            updateTarget(subscription.id(), changed, attempt.succeeded(), gone);
        }
    }

    private void updateTarget(String subscriptionId, WebhookTarget wanted, boolean success, boolean gone) {
        for (int i = 0; i < 3; i++) {
            Optional<Subscription> current = subscriptions.find(subscriptionId);
            if (current.isEmpty()) {
                return;
            }
            WebhookTarget target = current.get().webhook();
            WebhookTarget next = success
                    ? target.succeeded()
                    : (!wanted.enabled() && target.enabled()
                            ? target.failed(wanted.failingSince() == null ? clock.instant() : wanted.failingSince())
                                    .disabled(wanted.disabledReason(), wanted.disabledAt())
                            : target.failed(wanted.failingSince() == null ? clock.instant() : wanted.failingSince()));
            if (next.equals(target)) {
                return;
            }
            try {
                subscriptions.save(current.get().withWebhook(next));
                return;
            } catch (OptimisticLockingFailureException concurrent) {
                // another delivery of the same endpoint wrote first: decide again on what it wrote
            }
        }
        log.warn("Webhook state of subscription {} not updated after 3 tries (gone={})", subscriptionId, gone);
    }
}
