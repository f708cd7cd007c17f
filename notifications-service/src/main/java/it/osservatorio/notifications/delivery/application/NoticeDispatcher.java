package it.osservatorio.notifications.delivery.application;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.notifications.delivery.domain.Delivery;
import it.osservatorio.notifications.subscription.application.SubscriptionIndex;
import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.DigestMode;
import it.osservatorio.notifications.subscription.domain.Notice;
import it.osservatorio.notifications.subscription.domain.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a notice into one delivery per matching subscription. The delivery id is the dedupe key: a notice seen again
 * (a re-delivered record, a replay, a restart) finds its deliveries recorded and sends nothing more. Webhooks and
 * immediate e-mails are handed to their senders at once; daily-digest ones wait for the digest.
 */
public class NoticeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

    private final SubscriptionIndex index;
    private final DeliveryStore deliveries;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final Clock clock;

    public NoticeDispatcher(
            SubscriptionIndex index,
            DeliveryStore deliveries,
            WebhookSender webhooks,
            EmailSender emails,
            Clock clock) {
        this.index = index;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.emails = emails;
        this.clock = clock;
    }

    /** @return how many new deliveries the notice made */
    public int dispatch(Notice notice) {
        List<Subscription> matched = index.match(notice);
        if (matched.isEmpty()) {
            log.debug("Notice {} matched none of {} subscriptions", notice.key(), index.size());
            return 0;
        }
        String payload = payload(notice);
        Instant now = clock.instant();
        Map<String, Subscription> byDelivery = new HashMap<>();
        List<Delivery> wanted = new ArrayList<>(matched.size());
        for (Subscription subscription : matched) {
            Delivery delivery = Delivery.pending(
                    subscription.id(),
                    subscription.channel(),
                    notice.key(),
                    notice.kind(),
                    notice.subjectId(),
                    payload,
                    notice.occurredAt(),
                    now);
            if (isDigest(subscription)) {
                delivery = delivery.awaitingDigest();
            } else if (subscription.channel() == Channel.WEBHOOK) {
                // recorded as taken by this process: sent at once, with no second write to claim it
                delivery = delivery.inFlightUntil(webhooks.lease(now));
            }
            wanted.add(delivery);
            byDelivery.put(delivery.id(), subscription);
        }
        List<Delivery> recorded = deliveries.insertAllIfAbsent(wanted);
        for (Delivery delivery : recorded) {
            Subscription subscription = byDelivery.get(delivery.id());
            if (subscription.channel() == Channel.WEBHOOK) {
                webhooks.send(delivery, subscription);
            } else if (!isDigest(subscription)) {
                emails.submit(delivery.id());
            }
        }
        int created = recorded.size();
        log.debug("Notice {} matched {} subscriptions, {} new deliveries", notice.key(), matched.size(), created);
        return created;
    }

    private static boolean isDigest(Subscription subscription) {
        return subscription.channel() == Channel.EMAIL && subscription.email().digest() == DigestMode.DAILY;
    }

    /** The Standard Webhooks payload shape: type, timestamp, data. */
    public static String payload(Notice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", notice.kind().type());
        body.put("timestamp", notice.occurredAt().toString());
        body.put("data", notice.data());
        return new String(EventCodec.toJson(body), StandardCharsets.UTF_8);
    }
}
