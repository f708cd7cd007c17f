package it.osservatorio.notifications.subscription.adapter;

import it.osservatorio.notifications.subscription.domain.Criteria;
import it.osservatorio.notifications.subscription.domain.DigestMode;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.Language;
import java.util.Set;

final class SubscriptionRequests {

    private SubscriptionRequests() {}

    /**
     * @param url where the institution's system receives the signed POSTs
     * @param contactEmail optional: who is told by e-mail when the endpoint gets disabled
     * @param language of that e-mail, IT (default) or EN
     */
    record WebhookRequest(
            Set<EventKind> kinds, Criteria criteria, String url, String contactEmail, Language language) {}

    record EmailRequest(Set<EventKind> kinds, Criteria criteria, String email, Language language, DigestMode digest) {}
}
