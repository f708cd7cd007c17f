package it.osservatorio.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.osservatorio.notifications.delivery.application.DeliveryStore;
import it.osservatorio.notifications.delivery.application.OwnerNotifier;
import it.osservatorio.notifications.delivery.application.WebhookSender;
import it.osservatorio.notifications.delivery.application.WebhookTransport;
import it.osservatorio.notifications.delivery.domain.Delivery;
import it.osservatorio.notifications.delivery.domain.DeliveryStatus;
import it.osservatorio.notifications.delivery.domain.RetrySchedule;
import it.osservatorio.notifications.delivery.domain.TargetGuard;
import it.osservatorio.notifications.subscription.application.MailTemplates;
import it.osservatorio.notifications.subscription.application.Mailer;
import it.osservatorio.notifications.subscription.application.SubscriptionIndex;
import it.osservatorio.notifications.subscription.application.SubscriptionService;
import it.osservatorio.notifications.subscription.application.SubscriptionStore;
import it.osservatorio.notifications.subscription.domain.Channel;
import it.osservatorio.notifications.subscription.domain.Criteria;
import it.osservatorio.notifications.subscription.domain.EventKind;
import it.osservatorio.notifications.subscription.domain.InvalidSubscriptionException;
import it.osservatorio.notifications.subscription.domain.Language;
import it.osservatorio.notifications.subscription.domain.Subscription;
import it.osservatorio.notifications.subscription.domain.Violation;
import it.osservatorio.platform.security.CallerIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An endpoint failing for days, or answering 410, is disabled and its contact told by e-mail once: which endpoint,
 * why, since when, how to enable it again. The clock, the HTTP transport, the stores and the mail server are fakes.
 */
class OwnerNotifierTest {

    private static final Instant MONDAY = Instant.parse("2026-11-30T08:00:00Z");
    private static final String BASE = "https://osservatorio.example.it/api/notifications";
    private static final CallerIdentity AFIL =
            new CallerIdentity("afil", "Associazione Fabbrica Intelligente Lombardia", Set.of("read", "write"));

    private final MutableClock clock = new MutableClock(MONDAY);
    private final FakeSubscriptionStore subscriptionStore = new FakeSubscriptionStore();
    private final FakeDeliveryStore deliveries = new FakeDeliveryStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final MailTemplates templates = new MailTemplates(BASE);
    private final SubscriptionService subscriptions = new SubscriptionService(
            subscriptionStore,
            new SubscriptionIndex(),
            organisationId -> Optional.empty(),
            new TargetGuard(true, Set.of()),
            templates,
            mailer,
            clock,
            Duration.ofHours(24));
    private final Map<String, Integer> answers = new LinkedHashMap<>();
    private final WebhookSender sender = new WebhookSender(
            deliveries,
            subscriptions,
            (url, headers, body, timeout) -> CompletableFuture.completedFuture(
                    new WebhookTransport.Response(answers.getOrDefault(url.toString(), 204), "")),
            new TargetGuard(true, Set.of()),
            new RetrySchedule(List.of(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1))),
            clock,
            Duration.ofSeconds(10),
            4,
            Duration.ofDays(3));
    private final OwnerNotifier owners = new OwnerNotifier(subscriptions, templates, mailer, clock);

    @Test
    void shouldDisableEndpointAndMailContactOnceWhenItFailedForDays() {
        String url = "https://erp.afil.example.it/webhooks/bandi";
        answers.put(url, 503);
        Subscription subscription = webhook(url, "sistemi@afil.example.it", Language.IT);
        String delivery = deliver(subscription, "call.published:call-1");

        for (int day = 1; day <= 3; day++) {
            assertThat(owners.tellOwners(10))
                    .as("nothing to tell on day %d", day)
                    .isZero();
            clock.advance(Duration.ofDays(1));
            sender.submit(delivery);
        }

        Subscription disabled = subscriptions.find(subscription.id()).orElseThrow();
        assertThat(deliveries.find(delivery).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(disabled.webhook().enabled()).isFalse();
        assertThat(disabled.webhook().disabledReason()).contains("failing since 2026-11-30T08:00:00Z");
        assertThat(disabled.webhook().disabledAt()).isEqualTo(MONDAY.plus(Duration.ofDays(3)));

        assertThat(owners.tellOwners(10)).isEqualTo(1);
        assertThat(owners.tellOwners(10)).as("told once").isZero();
        assertThat(mailer.sent).hasSize(1);
        Mailer.MailMessage mail = mailer.sent.getFirst();
        assertThat(mail.to()).isEqualTo("sistemi@afil.example.it");
        assertThat(mail.subject()).isEqualTo("Osservatorio: webhook disattivato - " + url);
        assertThat(mail.text())
                .contains("Endpoint: " + url)
                .contains("Sottoscrizione: " + subscription.id() + " dell'istituzione afil")
                .contains("Motivo: failing since 2026-11-30T08:00:00Z (retries exhausted)")
                .contains("In errore dal: 2026-11-30 09:00 (ora di Roma)")
                .contains("Disattivato il: 2026-12-03 09:00 (ora di Roma)")
                .contains("curl -X POST " + BASE + "/subscriptions/" + subscription.id() + "/enable");
        assertThat(mail.html()).contains("<li><strong>Endpoint</strong>: " + url + "</li>");
        assertThat(mail.unsubscribeUrl()).isNull();
        assertThat(subscriptions.find(subscription.id()).orElseThrow().webhook().ownerToldAt())
                .isEqualTo(clock.instant());
    }

    @Test
    void shouldTellContactInEnglishWhenEndpointAnswersGone() {
        String url = "https://hooks.cluster-energia.example.org/osservatorio";
        answers.put(url, 410);
        Subscription subscription = webhook(url, "it@cluster-energia.example.org", Language.EN);

        deliver(subscription, "call.opened:call-2:2");
        owners.tellOwners(10);

        assertThat(mailer.sent).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Osservatorio: webhook disabled - " + url);
            assertThat(mail.text())
                    .contains("Reason: the endpoint answered 410 Gone")
                    .contains("Disabled at: 2026-11-30 09:00 (Rome time)")
                    .contains("Once the endpoint answers 2xx again, enable it");
        });
    }

    @Test
    void shouldTellContactAgainOnlyAfterEndpointWasEnabledAndDisabledOnceMore() {
        String url = "https://erp.afil.example.it/webhooks/gone";
        answers.put(url, 410);
        Subscription subscription = webhook(url, "sistemi@afil.example.it", Language.IT);
        deliver(subscription, "call.published:call-3");
        owners.tellOwners(10);

        subscriptions.enable(subscription.id(), AFIL);
        assertThat(subscriptions.find(subscription.id()).orElseThrow().webhook().ownerToldAt())
                .isNull();
        assertThat(owners.tellOwners(10)).as("enabled: nothing to tell").isZero();
        clock.advance(Duration.ofHours(1));
        deliver(subscription, "call.published:call-4");

        assertThat(owners.tellOwners(10)).isEqualTo(1);
        assertThat(mailer.sent).hasSize(2);
    }

    @Test
    void shouldTryAgainLaterWhenMailServerRefusesTheNotice() {
        String url = "https://erp.afil.example.it/webhooks/refused";
        answers.put(url, 410);
        Subscription subscription = webhook(url, "sistemi@afil.example.it", Language.IT);
        deliver(subscription, "call.published:call-5");
        mailer.refuse = true;

        assertThat(owners.tellOwners(10)).isZero();
        assertThat(subscriptions.find(subscription.id()).orElseThrow().webhook().ownerToldAt())
                .isNull();
        mailer.refuse = false;

        assertThat(owners.tellOwners(10)).isEqualTo(1);
        assertThat(mailer.sent).hasSize(1);
    }

    @Test
    void shouldMailNobodyWhenSubscriptionNamesNoContact() {
        String url = "https://erp.afil.example.it/webhooks/silent";
        answers.put(url, 410);
        Subscription subscription = webhook(url, null, null);

        deliver(subscription, "call.published:call-6");

        assertThat(subscriptions.find(subscription.id()).orElseThrow().webhook().enabled())
                .isFalse();
        assertThat(owners.tellOwners(10)).isZero();
        assertThat(mailer.sent).isEmpty();
    }

    @Test
    void shouldNameContactEmailWhenItIsMalformed() {
        assertThatThrownBy(() -> subscriptions.createWebhook(
                        AFIL,
                        Set.of(EventKind.CALL_PUBLISHED),
                        Criteria.any(),
                        "https://erp.afil.example.it/webhooks",
                        "sistemi@",
                        Language.IT))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("contactEmail"));
        assertThat(subscriptionStore.all).isEmpty();
    }

    private Subscription webhook(String url, String contact, Language language) {
        return subscriptions.createWebhook(
                AFIL, Set.of(EventKind.CALL_PUBLISHED, EventKind.CALL_OPENED), Criteria.any(), url, contact, language);
    }

    /** Records the delivery as the dispatcher does and sends its first attempt. */
    private String deliver(Subscription subscription, String noticeKey) {
        Instant now = clock.instant();
        Delivery delivery = Delivery.pending(
                        subscription.id(),
                        Channel.WEBHOOK,
                        noticeKey,
                        EventKind.CALL_PUBLISHED,
                        "call",
                        "{\"type\":\"call.published\"}",
                        now,
                        now)
                .inFlightUntil(sender.lease(now));
        assertThat(deliveries.insertIfAbsent(delivery)).isTrue();
        sender.send(delivery, subscriptions.find(subscription.id()).orElseThrow());
        return delivery.id();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final class RecordingMailer implements Mailer {
        final List<MailMessage> sent = new ArrayList<>();
        boolean refuse;

        @Override
        public void send(MailMessage message) {
            if (refuse) {
                throw new IllegalStateException("421 mail server busy");
            }
            sent.add(message);
        }
    }

    static final class FakeSubscriptionStore implements SubscriptionStore {
        final Map<String, Subscription> all = new LinkedHashMap<>();

        @Override
        public void insert(Subscription subscription) {
            all.put(subscription.id(), subscription);
        }

        @Override
        public boolean replace(Subscription subscription) {
            Subscription current = all.get(subscription.id());
            if (current == null || current.version() != subscription.version() - 1) {
                return false;
            }
            all.put(subscription.id(), subscription);
            return true;
        }

        @Override
        public Optional<Subscription> find(String id) {
            return Optional.ofNullable(all.get(id));
        }

        @Override
        public Optional<Subscription> findByEmailToken(String token) {
            return Optional.empty();
        }

        @Override
        public List<Subscription> ownedBy(String institutionId, String afterId, int limit) {
            return all.values().stream()
                    .filter(s -> institutionId.equals(s.ownerInstitutionId()))
                    .limit(limit)
                    .toList();
        }

        @Override
        public void delete(String id) {
            all.remove(id);
        }

        @Override
        public void forEach(Consumer<Subscription> action) {
            List.copyOf(all.values()).forEach(action);
        }

        @Override
        public List<Subscription> webhooksWithOwnerToTell(int limit) {
            return all.values().stream()
                    .filter(s -> s.channel() == Channel.WEBHOOK && s.webhook().ownerToBeTold())
                    .limit(limit)
                    .toList();
        }
    }

    static final class FakeDeliveryStore implements DeliveryStore {
        final Map<String, Delivery> all = new LinkedHashMap<>();

        @Override
        public boolean insertIfAbsent(Delivery delivery) {
            return all.putIfAbsent(delivery.id(), delivery) == null;
        }

        @Override
        public Optional<Delivery> find(String id) {
            return Optional.ofNullable(all.get(id));
        }

        @Override
        public Optional<Delivery> claim(String id, Instant now, Instant leaseUntil) {
            Delivery delivery = all.get(id);
            boolean due = delivery != null
                    && ((delivery.status() == DeliveryStatus.PENDING
                                    && delivery.nextAttemptAt() != null
                                    && !delivery.nextAttemptAt().isAfter(now))
                            || (delivery.status() == DeliveryStatus.IN_FLIGHT
                                    && !delivery.leaseUntil().isAfter(now)));
            if (!due) {
                return Optional.empty();
            }
            Delivery claimed = delivery.inFlightUntil(leaseUntil);
            all.put(id, claimed);
            return Optional.of(claimed);
        }

        @Override
        public void save(Delivery delivery) {
            all.put(delivery.id(), delivery);
        }

        @Override
        public List<String> due(Channel channel, Instant now, int limit) {
            return all.values().stream()
                    .filter(d -> d.channel() == channel && d.status() == DeliveryStatus.PENDING)
                    .sorted(Comparator.comparing(Delivery::nextAttemptAt))
                    .map(Delivery::id)
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<Delivery> pendingFor(String subscriptionId) {
            return all.values().stream()
                    .filter(d -> d.subscriptionId().equals(subscriptionId) && d.status() == DeliveryStatus.PENDING)
                    .toList();
        }

        @Override
        public List<Delivery> forSubscription(String subscriptionId, String afterId, int limit) {
            return all.values().stream()
                    .filter(d -> d.subscriptionId().equals(subscriptionId))
                    .limit(limit)
                    .toList();
        }
    }
}
