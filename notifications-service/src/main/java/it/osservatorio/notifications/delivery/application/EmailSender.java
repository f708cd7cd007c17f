package it.osservatorio.notifications.delivery.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.notifications.delivery.domain.Attempt;
import it.osservatorio.notifications.delivery.domain.Delivery;
import it.osservatorio.notifications.delivery.domain.RetrySchedule;
import it.osservatorio.notifications.subscription.application.MailTemplates;
import it.osservatorio.notifications.subscription.application.Mailer;
import it.osservatorio.notifications.subscription.application.SubscriptionService;
import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.DigestMode;
import it.osservatorio.notifications.subscription.domain.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import tools.jackson.databind.JsonNode;

/**
 * Sends e-mail deliveries on a small pool of its own (the consumer never waits for the mail server): immediate ones
 * one mail each, daily ones together in one digest mail per subscription. A refused mail is retried like a webhook.
 */
public class EmailSender {

    private final DeliveryStore deliveries;
    private final SubscriptionService subscriptions;
    private final Mailer mailer;
    private final MailTemplates templates;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final Executor executor;

    public EmailSender(
            DeliveryStore deliveries,
            SubscriptionService subscriptions,
            Mailer mailer,
            MailTemplates templates,
            RetrySchedule schedule,
            Clock clock,
            Executor executor) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.mailer = mailer;
        this.templates = templates;
        this.schedule = schedule;
        this.clock = clock;
        this.executor = executor;
    }

    public void submit(String deliveryId) {
        executor.execute(() -> send(deliveryId));
    }

    void send(String deliveryId) {
        Instant now = clock.instant();
        Optional<Delivery> claimed = deliveries.claim(deliveryId, now, now.plus(Duration.ofMinutes(1)));
        if (claimed.isEmpty()) {
            return;
        }
        Delivery delivery = claimed.get();
        Optional<Subscription> subscription = subscriptions.find(delivery.subscriptionId());
        if (subscription.isEmpty() || !subscription.get().active()) {
            deliveries.save(delivery.failedWithout("subscription deleted or not confirmed", now));
            return;
        }
        long started = System.nanoTime();
        Attempt attempt;
        try {
            mailer.send(templates.notices(subscription.get(), List.of(item(delivery))));
            attempt = new Attempt(
                    now, 250, (System.nanoTime() - started) / 1_000_000, "accepted by the mail server", null);
        } catch (RuntimeException e) {
            attempt = new Attempt(now, 0, (System.nanoTime() - started) / 1_000_000, null, e.toString());
        }
        deliveries.save(delivery.after(attempt, schedule, false));
    }

    /** One mail per daily subscription listing what waited since the last digest; returns the mails sent. */
    public int sendDigests(List<Subscription> daily) {
        int sent = 0;
        for (Subscription subscription : daily) {
            if (subscription.channel() != Channel.EMAIL
                    || subscription.email().digest() != DigestMode.DAILY
                    || !subscription.active()) {
                continue;
            }
            Instant now = clock.instant();
            List<Delivery> claimed = new ArrayList<>();
            for (Delivery pending : deliveries.pendingFor(subscription.id())) {
                deliveries
                        .claim(pending.id(), now, now.plus(Duration.ofMinutes(5)))
                        .ifPresent(claimed::add);
            }
            if (claimed.isEmpty()) {
                continue;
            }
            long started = System.nanoTime();
            try {
                mailer.send(templates.notices(
                        subscription, claimed.stream().map(EmailSender::item).toList()));
                Attempt attempt = new Attempt(
                        now, 250, (System.nanoTime() - started) / 1_000_000, "accepted by the mail server", null);
                claimed.forEach(d -> deliveries.save(d.deliveredWith(attempt)));
                sent++;
            } catch (RuntimeException e) {
                claimed.forEach(d -> deliveries.save(d.awaitingDigest()));
            }
        }
        return sent;
    }

    static MailTemplates.Item item(Delivery delivery) {
        JsonNode data = EventCodec.json()
                .readTree(delivery.payload().getBytes(StandardCharsets.UTF_8))
                .path("data");
        String title = data.path("title").asString(delivery.subjectId());
        String link = data.path("link").isString() ? data.path("link").asString() : null;
        String deadline =
                data.path("deadline").isString() ? data.path("deadline").asString() : null;
        return new MailTemplates.Item(delivery.kind(), title, link, deadline == null ? null : "deadline " + deadline);
    }
}
