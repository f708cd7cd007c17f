package it.osservatorio.notifications.subscription.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Who wants to hear of which kinds of notices matching which criteria, and through which channel. An institution
 * owns its webhook (and e-mail) subscriptions; a person's e-mail subscription has no owning institution. Only notices
 * that happen after the subscription was created are delivered, so a topic replay never sends old news.
 */
public record Subscription(
        String id,
        String ownerInstitutionId,
        Channel channel,
        Set<EventKind> kinds,
        Criteria criteria,
        WebhookTarget webhook,
        EmailTarget email,
        Instant createdAt,
        long version) {

    public Subscription {
        kinds = Set.copyOf(kinds);
    }

    /** A webhook that is enabled, or an e-mail address that was confirmed. */
    public boolean active() {
        return channel == Channel.WEBHOOK ? webhook.enabled() : email.confirmed();
    }

    public Subscription withWebhook(WebhookTarget target) {
        return new Subscription(
                id, ownerInstitutionId, channel, kinds, criteria, target, email, createdAt, version + 1);
    }

    public Subscription withEmail(EmailTarget target) {
        return new Subscription(
                id, ownerInstitutionId, channel, kinds, criteria, webhook, target, createdAt, version + 1);
    }

    public Subscription withInterest(Set<EventKind> newKinds, Criteria newCriteria) {
        return new Subscription(
                id, ownerInstitutionId, channel, newKinds, newCriteria, webhook, email, createdAt, version + 1);
    }
}
