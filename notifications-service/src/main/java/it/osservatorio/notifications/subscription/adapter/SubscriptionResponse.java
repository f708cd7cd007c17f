package it.osservatorio.notifications.subscription.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.Criteria;
import it.osservatorio.notifications.subscription.domain.DigestMode;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.Language;
import it.osservatorio.notifications.subscription.domain.Subscription;
import java.time.Instant;
import java.util.Set;

/** A subscription as shown to its owner; the signing secret only right after it was made or rotated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionResponse(
        String id,
        Channel channel,
        String ownerInstitutionId,
        Set<EventKind> kinds,
        Criteria criteria,
        String url,
        Boolean enabled,
        String disabledReason,
        Instant disabledAt,
        Instant failingSince,
        String contactEmail,
        Language contactLanguage,
        Instant ownerToldAt,
        String secret,
        String email,
        Language language,
        DigestMode digest,
        Boolean confirmed,
        Instant createdAt,
        long version) {

    static SubscriptionResponse of(Subscription s, boolean showSecret) {
        var w = s.webhook();
        var e = s.email();
        return new SubscriptionResponse(
                s.id(),
                s.channel(),
                s.ownerInstitutionId(),
                s.kinds(),
                s.criteria(),
                w == null ? null : w.url().toString(),
                w == null ? null : w.enabled(),
                w == null ? null : w.disabledReason(),
                w == null ? null : w.disabledAt(),
                w == null ? null : w.failingSince(),
                w == null || w.contact() == null ? null : w.contact().email(),
                w == null || w.contact() == null ? null : w.contact().language(),
                w == null ? null : w.ownerToldAt(),
                w != null && showSecret ? w.secrets().getFirst().secret() : null,
                e == null ? null : e.address(),
                e == null ? null : e.language(),
                e == null ? null : e.digest(),
                e == null ? null : e.confirmed(),
                s.createdAt(),
                s.version());
    }
}
