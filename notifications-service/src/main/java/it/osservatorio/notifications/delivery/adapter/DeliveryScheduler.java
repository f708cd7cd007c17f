package it.osservatorio.notifications.delivery.adapter;

import it.osservatorio.notifications.delivery.application.DeliveryStore;
import it.osservatorio.notifications.delivery.application.EmailSender;
import it.osservatorio.notifications.delivery.application.OwnerNotifier;
import it.osservatorio.notifications.delivery.application.WebhookSender;
import it.osservatorio.notifications.subscription.application.SubscriptionStore;
import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.DigestMode;
import it.osservatorio.notifications.subscription.domain.Subscription;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Catches up with what is due: retries whose time came, deliveries left pending or in flight by a process that
 * stopped (their lease expired), the contacts of disabled webhooks not told yet, and once a day the e-mail digests.
 * Pending deliveries live in MongoDB, so a restart loses none.
 */
@Component
class DeliveryScheduler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final DeliveryStore deliveries;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final OwnerNotifier owners;
    private final SubscriptionStore subscriptions;
    private final Clock clock;
    private final int batch;

    DeliveryScheduler(
            DeliveryStore deliveries,
            WebhookSender webhooks,
            EmailSender emails,
            OwnerNotifier owners,
            SubscriptionStore subscriptions,
            Clock clock,
            @Value("${osservatorio.notifications.scheduler.batch:500}") int batch) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.emails = emails;
        this.owners = owners;
        this.subscriptions = subscriptions;
        this.clock = clock;
        this.batch = batch;
    }

    @Scheduled(
            fixedDelayString = "${osservatorio.notifications.scheduler.interval:1s}",
            initialDelayString = "${osservatorio.notifications.scheduler.interval:1s}")
    void sendDue() {
        try {
            deliveries.due(Channel.WEBHOOK, clock.instant(), batch).forEach(webhooks::submit);
            deliveries.due(Channel.EMAIL, clock.instant(), batch).forEach(emails::submit);
        } catch (RuntimeException e) {
            log.warn("Looking for due deliveries failed, trying again at the next interval: {}", e.toString());
        }
    }

    @Scheduled(
            fixedDelayString = "${osservatorio.notifications.webhooks.owner-notice-interval:30s}",
            initialDelayString = "${osservatorio.notifications.webhooks.owner-notice-interval:30s}")
    void tellOwners() {
        try {
            owners.tellOwners(batch);
        } catch (RuntimeException e) {
            log.warn(
                    "Looking for disabled webhooks to tell failed, trying again at the next interval: {}",
                    e.toString());
        }
    }

    @Scheduled(cron = "${osservatorio.notifications.mail.digest-cron:0 0 7 * * *}", zone = "Europe/Rome")
    void sendDigests() {
        List<Subscription> daily = new ArrayList<>();
        subscriptions.forEach(s -> {
            if (s.channel() == Channel.EMAIL && s.email().digest() == DigestMode.DAILY && s.active()) {
                daily.add(s);
            }
        });
        int sent = emails.sendDigests(daily);
        log.info("Daily digest: {} mails for {} subscriptions", sent, daily.size());
    }
}
