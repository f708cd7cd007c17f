package it.osservatorio.notifications.delivery.domain;

import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.EventKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One notice for one subscription. Its id is derived from the subscription and the notice's key, so the same pair
 * can be recorded only once (the dedupe key): a replay, a re-delivered record or a restart cannot create a second
 * delivery. The id is also the {@code webhook-id}, the same on every attempt, as Standard Webhooks asks.
 *
 * @param payload the webhook body (JSON) or, for e-mail, the notice as JSON for the mail templates
 */
public record Delivery(
        String id,
        String subscriptionId,
        Channel channel,
        String noticeKey,
        EventKind kind,
        String subjectId,
        String payload,
        DeliveryStatus status,
        List<Attempt> attempts,
        Instant nextAttemptAt,
        Instant leaseUntil,
        Instant occurredAt,
        Instant createdAt,
        Instant completedAt,
        String outcome) {

    public Delivery {
        attempts = List.copyOf(attempts);
    }

    public static String idOf(String subscriptionId, String noticeKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subscriptionId + "\n" + noticeKey).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Delivery pending(
            String subscriptionId,
            Channel channel,
            String noticeKey,
            EventKind kind,
            String subjectId,
            String payload,
            Instant occurredAt,
            Instant now) {
        return new Delivery(
                idOf(subscriptionId, noticeKey),
                subscriptionId,
                channel,
                noticeKey,
                kind,
                subjectId,
                payload,
                DeliveryStatus.PENDING,
                List.of(),
                now,
                null,
                occurredAt,
                now,
                null,
                null);
    }

    public int failedAttempts() {
        return (int) attempts.stream().filter(a -> !a.succeeded()).count();
    }

    /** After an attempt: delivered, pending again at the next retry, or failed when none is left. */
    public Delivery after(Attempt attempt, RetrySchedule schedule, boolean gone) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        if (attempt.succeeded()) {
            return with(all, DeliveryStatus.DELIVERED, null, attempt.at(), "delivered");
        }
        if (gone) {
            return with(all, DeliveryStatus.FAILED, null, attempt.at(), "endpoint gone (410): disabled");
        }
        int failed = (int) all.stream().filter(a -> !a.succeeded()).count();
        return schedule.after(failed)
                .map(wait -> with(all, DeliveryStatus.PENDING, attempt.at().plus(wait), null, null))
                .orElseGet(() -> with(all, DeliveryStatus.FAILED, null, attempt.at(), "retries exhausted"));
    }

    public Delivery failedWithout(String reason, Instant now) {
        return with(attempts, DeliveryStatus.FAILED, null, now, reason);
    }

    /** Taken for sending at once by whoever recorded it, until the lease ends (then the scheduler may take it). */
    public Delivery inFlightUntil(Instant leaseUntil) {
        return new Delivery(
                id,
                subscriptionId,
                channel,
                noticeKey,
                kind,
                subjectId,
                payload,
                DeliveryStatus.IN_FLIGHT,
                attempts,
                nextAttemptAt,
                leaseUntil,
                occurredAt,
                createdAt,
                completedAt,
                outcome);
    }

    /** Back to pending without an attempt, e.g. while its endpoint is busy with other deliveries. */
    public Delivery postponed(Instant until) {
        return with(attempts, DeliveryStatus.PENDING, until, null, null);
    }

    /** Pending until the daily digest takes it: no attempt time of its own. */
    public Delivery awaitingDigest() {
        return with(attempts, DeliveryStatus.PENDING, null, null, null);
    }

    /** Delivered as part of a digest mail. */
    public Delivery deliveredWith(Attempt attempt) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        return with(all, DeliveryStatus.DELIVERED, null, attempt.at(), "delivered in the daily digest");
    }

    /** A manual redelivery: pending now, its history kept. */
    public Delivery redeliver(Instant now) {
        return with(attempts, DeliveryStatus.PENDING, now, null, null);
    }

    private Delivery with(
            List<Attempt> all, DeliveryStatus next, Instant nextAttempt, Instant completed, String result) {
        return new Delivery(
                id,
                subscriptionId,
                channel,
                noticeKey,
                kind,
                subjectId,
                payload,
                next,
                all,
                nextAttempt,
                null,
                occurredAt,
                createdAt,
                completed,
                result);
    }
}
