package it.osservatorio.notifications.subscription.application;

import it.osservatorio.notifications.delivery.domain.TargetGuard;
import it.osservatorio.notifications.delivery.domain.WebhookSignature;
import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.Criteria;
import it.osservatorio.notifications.subscription.domain.DigestMode;
import it.osservatorio.notifications.subscription.domain.EmailTarget;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.InvalidSubscriptionException;
import it.osservatorio.notifications.subscription.domain.Language;
import it.osservatorio.notifications.subscription.domain.OwnerContact;
import it.osservatorio.notifications.subscription.domain.Profile;
import it.osservatorio.notifications.subscription.domain.SigningSecret;
import it.osservatorio.notifications.subscription.domain.Subscription;
import it.osservatorio.notifications.subscription.domain.SubscriptionRules;
import it.osservatorio.notifications.subscription.domain.Violation;
import it.osservatorio.notifications.subscription.domain.WebhookTarget;
import it.osservatorio.platform.ids.TimeOrderedIds;
import it.osservatorio.platform.security.CallerIdentity;
import it.osservatorio.platform.security.OwnershipViolationException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Creates, reads, confirms, rotates and deletes subscriptions, keeping the in-memory index in step. */
public class SubscriptionService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SubscriptionService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeOrderedIds IDS = TimeOrderedIds.systemUtc();

    private final SubscriptionStore store;
    private final SubscriptionIndex index;
    private final ProfileDirectory profiles;
    private final TargetGuard guard;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final Clock clock;
    private final Duration rotationOverlap;

    public SubscriptionService(
            SubscriptionStore store,
            SubscriptionIndex index,
            ProfileDirectory profiles,
            TargetGuard guard,
            MailTemplates templates,
            Mailer mailer,
            Clock clock,
            Duration rotationOverlap) {
        this.store = store;
        this.index = index;
        this.profiles = profiles;
        this.guard = guard;
        this.templates = templates;
        this.mailer = mailer;
        this.clock = clock;
        this.rotationOverlap = rotationOverlap;
    }

    /** Fills the index from the store; called once at start. */
    public void loadIndex() {
        store.forEach(subscription -> index.put(subscription, profileOf(subscription)));
    }

    /**
     * An institution's webhook; {@code contactEmail} (optional) is told, in {@code language} (default Italian), when
     * the endpoint gets disabled.
     */
    public Subscription createWebhook(
            CallerIdentity caller,
            Set<EventKind> kinds,
            Criteria criteria,
            String url,
            String contactEmail,
            Language language) {
        List<Violation> violations = new ArrayList<>();
        SubscriptionRules.kinds(kinds, violations);
        URI target = SubscriptionRules.webhookUrl(url, violations);
        String contact = SubscriptionRules.contactEmail(contactEmail, violations);
        if (target != null) {
            guard.refusal(target).ifPresent(reason -> violations.add(new Violation("url", "is refused: " + reason)));
        }
        Criteria valid = validated(criteria, violations);
        if (!violations.isEmpty()) {
            throw new InvalidSubscriptionException(violations);
        }
        Instant now = clock.instant();
        Subscription subscription = new Subscription(
                IDS.next("sub_"),
                caller.institutionId(),
                Channel.WEBHOOK,
                kinds,
                valid,
                new WebhookTarget(
                        target,
                        List.of(new SigningSecret(WebhookSignature.newSecret(), now, null)),
                        true,
                        null,
                        null,
                        null,
                        contact == null ? null : new OwnerContact(contact, language),
                        null),
                null,
                now,
                1);
        store.insert(subscription);
        index.put(subscription, profileOf(subscription));
        return subscription;
    }

    /**
     * A person's (or an institution's) e-mail subscription: stored unconfirmed, and a mail with the confirmation link
     * sent; nothing is delivered until the link is followed.
     */
    public Subscription createEmail(
            Optional<CallerIdentity> caller,
            Set<EventKind> kinds,
            Criteria criteria,
            String address,
            Language language,
            DigestMode digest) {
        List<Violation> violations = new ArrayList<>();
        SubscriptionRules.kinds(kinds, violations);
        String email = SubscriptionRules.emailAddress(address, violations);
        Criteria valid = validated(criteria, violations);
        if (!violations.isEmpty()) {
            throw new InvalidSubscriptionException(violations);
        }
        Subscription subscription = new Subscription(
                IDS.next("sub_"),
                caller.map(CallerIdentity::institutionId).orElse(null),
                Channel.EMAIL,
                kinds,
                valid,
                null,
                new EmailTarget(
                        email,
                        language == null ? Language.IT : language,
                        digest == null ? DigestMode.IMMEDIATE : digest,
                        false,
                        token(),
                        token()),
                clock.instant(),
                1);
        store.insert(subscription);
        try {
            mailer.send(templates.confirmation(subscription));
        } catch (RuntimeException e) {
            store.delete(subscription.id());
            throw new MailUnavailableException(
                    "The confirmation mail could not be sent (" + e.getMessage()
                            + "); nothing was kept, try again later",
                    e);
        }
        return subscription;
    }

    private Criteria validated(Criteria criteria, List<Violation> violations) {
        try {
            return (criteria == null ? Criteria.any() : criteria).validated("criteria.");
        } catch (InvalidSubscriptionException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    public Subscription confirm(String token) {
        Subscription subscription = byToken(token);
        if (subscription.email().confirmed()) {
            return subscription;
        }
        Subscription confirmed = subscription.withEmail(subscription.email().confirm());
        store.replace(confirmed);
        index.put(confirmed, profileOf(confirmed));
        return confirmed;
    }

    /** Deletes the subscription and with it the address; a second click finds nothing (404). */
    public void unsubscribe(String token) {
        Subscription subscription = byToken(token);
        store.delete(subscription.id());
        index.remove(subscription.id());
    }

    private Subscription byToken(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidSubscriptionException("token", "must be the token of the link in the e-mail");
        }
        return store.findByEmailToken(token)
                .orElseThrow(() -> new ResourceNotFoundException("E-mail subscription with this link", "token"));
    }

    public Subscription get(String id, CallerIdentity caller) {
        Subscription subscription = store.find(id).orElseThrow(() -> new ResourceNotFoundException("Subscription", id));
        if (!caller.isAdmin() && !caller.institutionId().equals(subscription.ownerInstitutionId())) {
            throw new OwnershipViolationException("Subscription " + id + " belongs to another institution");
        }
        return subscription;
    }

    public List<Subscription> ownedBy(CallerIdentity caller, String after, int limit) {
        return store.ownedBy(caller.institutionId(), after, limit);
    }

    public void delete(String id, CallerIdentity caller) {
        Subscription subscription = get(id, caller);
        caller.requireWriteAccess(subscription.ownerInstitutionId(), "Subscription " + id);
        store.delete(id);
        index.remove(id);
    }

    public Subscription rotateSecret(String id, CallerIdentity caller) {
        Subscription subscription = webhookOf(id, caller);
        Subscription rotated = subscription.withWebhook(
                subscription.webhook().rotated(WebhookSignature.newSecret(), clock.instant(), rotationOverlap));
        save(rotated);
        return rotated;
    }

    /** Enables a webhook disabled after a 410 or days of failures; its URL is checked again. */
    public Subscription enable(String id, CallerIdentity caller) {
        Subscription subscription = webhookOf(id, caller);
        guard.refusal(subscription.webhook().url()).ifPresent(reason -> {
            throw new InvalidSubscriptionException("url", "is refused: " + reason);
        });
        Subscription enabled = subscription.withWebhook(subscription.webhook().enabledAgain());
        save(enabled);
        return enabled;
    }

    public Subscription webhookOf(String id, CallerIdentity caller) {
        Subscription subscription = get(id, caller);
        caller.requireWriteAccess(subscription.ownerInstitutionId(), "Subscription " + id);
        if (subscription.channel() != Channel.WEBHOOK) {
            throw new InvalidSubscriptionException("id", "subscription " + id + " is not a webhook subscription");
        }
        return subscription;
    }

    /** Stores a changed subscription (e.g. its webhook disabled by a delivery) and updates the index. */
    public void save(Subscription subscription) {
        if (!store.replace(subscription)) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "Subscription " + subscription.id() + " changed meanwhile");
        }
        index.put(subscription, profileOf(subscription));
    }

    public Optional<Subscription> find(String id) {
        return store.find(id);
    }

    /** Webhook subscriptions disabled whose contact was not told yet, at most {@code limit}. */
    public List<Subscription> ownersToTell(int limit) {
        return store.webhooksWithOwnerToTell(limit);
    }

    /**
     * Records that the contact was told of the disabling the mail described ({@code disabledAt}); nothing when the
     * endpoint was enabled (or disabled again) meanwhile.
     */
    public void ownerTold(String id, Instant disabledAt, Instant now) {
        for (int i = 0; i < 3; i++) {
            Optional<Subscription> current = store.find(id);
            if (current.isEmpty()
                    || !current.get().webhook().ownerToBeTold()
                    || !disabledAt.equals(current.get().webhook().disabledAt())) {
                return;
            }
            Subscription told =
                    current.get().withWebhook(current.get().webhook().ownerTold(now));
            if (store.replace(told)) {
                index.put(told, profileOf(told));
                return;
            }
        }
        log.warn("Subscription {}: could not record that its contact was told, after 3 tries", id);
    }

    public void profileChanged(String organisationId) {
        if (!index.usesProfile(organisationId)) {
            return; // most organisations are nobody's profile: no need to read them
        }
        Profile profile = profiles.find(organisationId).orElse(null);
        log.debug("Profile of organisation {} is now {}", organisationId, profile);
        index.profileChanged(organisationId, profile);
    }

    private Profile profileOf(Subscription subscription) {
        String organisation = subscription.criteria().profileOrganisationId();
        return organisation == null ? null : profiles.find(organisation).orElse(null);
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
