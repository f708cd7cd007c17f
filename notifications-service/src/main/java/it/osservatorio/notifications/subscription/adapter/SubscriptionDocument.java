package it.osservatorio.notifications.subscription.adapter;

import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.Criteria;
import it.osservatorio.notifications.subscription.domain.EmailTarget;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.OwnerContact;
import it.osservatorio.notifications.subscription.domain.SigningSecret;
import it.osservatorio.notifications.subscription.domain.Subscription;
import it.osservatorio.notifications.subscription.domain.WebhookTarget;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;

/** A subscription as stored; the e-mail tokens are top-level fields so a link is found by one query. */
record SubscriptionDocument(
        @Id String id,
        long version,
        String ownerInstitutionId,
        Channel channel,
        Set<EventKind> kinds,
        Criteria criteria,
        WebhookDocument webhook,
        EmailTarget email,
        String confirmToken,
        String unsubscribeToken,
        Instant createdAt) {

    record WebhookDocument(
            String url,
            List<SigningSecret> secrets,
            boolean enabled,
            String disabledReason,
            Instant disabledAt,
            Instant failingSince,
            OwnerContact contact,
            Instant ownerToldAt) {}

    static SubscriptionDocument of(Subscription s) {
        WebhookTarget w = s.webhook();
        return new SubscriptionDocument(
                s.id(),
                s.version(),
                s.ownerInstitutionId(),
                s.channel(),
                s.kinds(),
                s.criteria(),
                w == null
                        ? null
                        : new WebhookDocument(
                                w.url().toString(),
                                w.secrets(),
                                w.enabled(),
                                w.disabledReason(),
                                w.disabledAt(),
                                w.failingSince(),
                                w.contact(),
                                w.ownerToldAt()),
                s.email(),
                s.email() == null ? null : s.email().confirmToken(),
                s.email() == null ? null : s.email().unsubscribeToken(),
                s.createdAt());
    }

    Subscription toSubscription() {
        return new Subscription(
                id,
                ownerInstitutionId,
                channel,
                kinds,
                criteria,
                webhook == null
                        ? null
                        : new WebhookTarget(
                                URI.create(webhook.url()),
                                webhook.secrets(),
                                webhook.enabled(),
                                webhook.disabledReason(),
                                webhook.disabledAt(),
                                webhook.failingSince(),
                                webhook.contact(),
                                webhook.ownerToldAt()),
                email,
                createdAt,
                version);
    }
}
