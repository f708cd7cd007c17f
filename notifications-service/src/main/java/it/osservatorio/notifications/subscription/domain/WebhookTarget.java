package it.osservatorio.notifications.subscription.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a webhook subscription posts, the secrets that sign (the newest first; after a rotation the previous one
 * signs too until it expires, so receivers can switch without losing a delivery), and whether it is disabled.
 *
 * @param failingSince the first failed delivery since the last success; null while it works
 * @param contact who is told by e-mail when the endpoint is disabled; null when the owner named nobody
 * @param ownerToldAt when the contact was told of the current disabling; null while not (yet)
 */
public record WebhookTarget(
        URI url,
        List<SigningSecret> secrets,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        Instant failingSince,
        OwnerContact contact,
        Instant ownerToldAt) {

    public WebhookTarget {
        secrets = List.copyOf(secrets);
    }

    /** A target without an owner contact. */
    public WebhookTarget(
            URI url,
            List<SigningSecret> secrets,
            boolean enabled,
            String disabledReason,
            Instant disabledAt,
            Instant failingSince) {
        this(url, secrets, enabled, disabledReason, disabledAt, failingSince, null, null);
    }

    public List<SigningSecret> signingSecrets(Instant now) {
        return secrets.stream().filter(s -> s.validAt(now)).toList();
    }

    public WebhookTarget rotated(String newSecret, Instant now, Duration overlap) {
        List<SigningSecret> next = new ArrayList<>();
        next.add(new SigningSecret(newSecret, now, null));
        if (!secrets.isEmpty()) {
            SigningSecret current = secrets.getFirst();
            next.add(new SigningSecret(current.secret(), current.createdAt(), now.plus(overlap)));
        }
        return new WebhookTarget(url, next, enabled, disabledReason, disabledAt, failingSince, contact, ownerToldAt);
    }

    public WebhookTarget disabled(String reason, Instant now) {
        return new WebhookTarget(url, secrets, false, reason, now, failingSince, contact, null);
    }

    public WebhookTarget enabledAgain() {
        return new WebhookTarget(url, secrets, true, null, null, null, contact, null);
    }

    public WebhookTarget succeeded() {
        return failingSince == null
                ? this
                : new WebhookTarget(url, secrets, enabled, disabledReason, disabledAt, null, contact, ownerToldAt);
    }

    public WebhookTarget failed(Instant now) {
        return failingSince != null
                ? this
                : new WebhookTarget(url, secrets, enabled, disabledReason, disabledAt, now, contact, ownerToldAt);
    }

    /** Disabled, with a contact that was not told yet. */
    public boolean ownerToBeTold() {
        return !enabled && contact != null && ownerToldAt == null;
    }

    public WebhookTarget ownerTold(Instant now) {
        return new WebhookTarget(url, secrets, enabled, disabledReason, disabledAt, failingSince, contact, now);
    }
}
