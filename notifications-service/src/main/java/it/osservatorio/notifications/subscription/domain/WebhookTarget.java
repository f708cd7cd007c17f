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
 */
public record WebhookTarget(
        URI url,
        List<SigningSecret> secrets,
        boolean enabled,
        String disabledReason,
        Instant disabledAt,
        Instant failingSince) {

    public WebhookTarget {
        secrets = List.copyOf(secrets);
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
        return new WebhookTarget(url, next, enabled, disabledReason, disabledAt, failingSince);
    }

    public WebhookTarget disabled(String reason, Instant now) {
        return new WebhookTarget(url, secrets, false, reason, now, failingSince);
    }

    public WebhookTarget enabledAgain() {
        return new WebhookTarget(url, secrets, true, null, null, null);
    }

    public WebhookTarget succeeded() {
        return failingSince == null ? this : new WebhookTarget(url, secrets, enabled, disabledReason, disabledAt, null);
    }

    public WebhookTarget failed(Instant now) {
        return failingSince != null ? this : new WebhookTarget(url, secrets, enabled, disabledReason, disabledAt, now);
    }
}
