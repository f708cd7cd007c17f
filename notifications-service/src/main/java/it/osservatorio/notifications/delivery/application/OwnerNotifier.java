package it.osservatorio.notifications.delivery.application;

import it.osservatorio.notifications.subscription.application.MailTemplates;
import it.osservatorio.notifications.subscription.application.Mailer;
import it.osservatorio.notifications.subscription.application.SubscriptionService;
import it.osservatorio.notifications.subscription.domain.Subscription;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the contact of each disabled webhook, by e-mail, that its endpoint was disabled. It looks for disabled
 * endpoints whose contact was not told yet, so a mail the server refused, or one that a stop interrupted, goes out at
 * the next look; the telling is recorded on the subscription ({@code ownerToldAt}) once the mail server accepted it.
 */
public class OwnerNotifier {

    private static final Logger log = LoggerFactory.getLogger(OwnerNotifier.class);

    private final SubscriptionService subscriptions;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final Clock clock;

    public OwnerNotifier(SubscriptionService subscriptions, MailTemplates templates, Mailer mailer, Clock clock) {
        this.subscriptions = subscriptions;
        this.templates = templates;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** @return how many contacts were told */
    public int tellOwners(int limit) {
        int told = 0;
        for (Subscription subscription : subscriptions.ownersToTell(limit)) {
            try {
                mailer.send(templates.endpointDisabled(subscription));
            } catch (RuntimeException e) {
                log.warn(
                        "Could not tell {} that the webhook of subscription {} was disabled, trying again later: {}",
                        subscription.webhook().contact().email(),
                        subscription.id(),
                        e.toString());
                continue;
            }
            subscriptions.ownerTold(subscription.id(), subscription.webhook().disabledAt(), clock.instant());
            log.info(
                    "Told {} that the webhook of subscription {} was disabled",
                    subscription.webhook().contact().email(),
                    subscription.id());
            told++;
        }
        return told;
    }
}
