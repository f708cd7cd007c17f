package it.osservatorio.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.notifications.delivery.adapter.HttpWebhookTransport;
import it.osservatorio.notifications.delivery.adapter.MongoDeliveryStore;
import it.osservatorio.notifications.delivery.application.DeliveryStore;
import it.osservatorio.notifications.delivery.application.EmailSender;
import it.osservatorio.notifications.delivery.application.NoticeDispatcher;
import it.osservatorio.notifications.delivery.application.OwnerNotifier;
import it.osservatorio.notifications.delivery.application.WebhookSender;
import it.osservatorio.notifications.delivery.domain.RetrySchedule;
import it.osservatorio.notifications.delivery.domain.TargetGuard;
import it.osservatorio.notifications.subscription.adapter.MongoSubscriptionStore;
import it.osservatorio.notifications.subscription.adapter.SmtpMailer;
import it.osservatorio.notifications.subscription.application.MailTemplates;
import it.osservatorio.notifications.subscription.application.Mailer;
import it.osservatorio.notifications.subscription.application.ProfileDirectory;
import it.osservatorio.notifications.subscription.application.SubscriptionIndex;
import it.osservatorio.notifications.subscription.application.SubscriptionService;
import it.osservatorio.notifications.subscription.application.SubscriptionStore;
import it.osservatorio.notifications.subscription.domain.Profile;
import it.osservatorio.platform.replica.VersionedReplica;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

    static final String ORGANISATION_REPLICA = "organisation_replica";
    static final String CALL_REPLICA = "call_replica";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    VersionedReplica<OrganisationChanged> organisationReplicaStore(MongoTemplate mongo, MeterRegistry meters) {
        return new VersionedReplica<>(mongo, ORGANISATION_REPLICA, OrganisationChanged.class, meters);
    }

    @Bean
    VersionedReplica<CallChanged> callReplicaStore(MongoTemplate mongo, MeterRegistry meters) {
        return new VersionedReplica<>(mongo, CALL_REPLICA, CallChanged.class, meters);
    }

    @Bean
    ProfileDirectory profileDirectory(VersionedReplica<OrganisationChanged> organisationReplicaStore) {
        return organisationId -> organisationReplicaStore.find(organisationId).map(NotificationsConfiguration::profile);
    }

    static Profile profile(OrganisationChanged organisation) {
        return new Profile(
                organisation.organisationId(),
                organisation.version(),
                organisation.type() == null ? null : organisation.type().name(),
                organisation.ecosystems(),
                Optional.ofNullable(organisation.address())
                        .map(OrganisationChanged.Address::province)
                        .orElse(null));
    }

    @Bean
    SubscriptionStore subscriptionStore(MongoTemplate mongo) {
        return new MongoSubscriptionStore(mongo);
    }

    @Bean
    DeliveryStore deliveryStore(MongoTemplate mongo) {
        return new MongoDeliveryStore(mongo);
    }

    @Bean
    SubscriptionIndex subscriptionIndex() {
        return new SubscriptionIndex();
    }

    @Bean
    TargetGuard targetGuard(NotificationsProperties properties) {
        return new TargetGuard(
                properties.webhooks().allowPrivateTargets(),
                properties.webhooks().allowedHosts());
    }

    @Bean
    RetrySchedule retrySchedule(NotificationsProperties properties) {
        return properties.webhooks().retrySchedule().isEmpty()
                ? RetrySchedule.DEFAULT
                : new RetrySchedule(properties.webhooks().retrySchedule());
    }

    @Bean
    MailTemplates mailTemplates(NotificationsProperties properties) {
        return new MailTemplates(properties.publicBaseUrl());
    }

    @Bean
    Mailer mailer(JavaMailSender sender, NotificationsProperties properties) {
        return new SmtpMailer(sender, properties.mail().from());
    }

    @Bean
    SubscriptionService subscriptionService(
            SubscriptionStore store,
            SubscriptionIndex index,
            ProfileDirectory profiles,
            TargetGuard guard,
            MailTemplates templates,
            Mailer mailer,
            Clock clock,
            NotificationsProperties properties) {
        return new SubscriptionService(
                store,
                index,
                profiles,
                guard,
                templates,
                mailer,
                clock,
                properties.webhooks().rotationOverlap());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookExecutor(NotificationsProperties properties) {
        return Executors.newFixedThreadPool(
                properties.webhooks().senderThreads(),
                Thread.ofPlatform().name("webhook-", 0).daemon().factory());
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService mailExecutor() {
        return Executors.newFixedThreadPool(
                2, Thread.ofPlatform().name("mail-", 0).daemon().factory());
    }

    @Bean
    WebhookSender webhookSender(
            DeliveryStore deliveries,
            SubscriptionService subscriptions,
            TargetGuard guard,
            RetrySchedule schedule,
            Clock clock,
            NotificationsProperties properties,
            ExecutorService webhookExecutor) {
        NotificationsProperties.Webhooks webhooks = properties.webhooks();
        return new WebhookSender(
                deliveries,
                subscriptions,
                new HttpWebhookTransport(webhooks.timeout(), webhookExecutor),
                guard,
                schedule,
                clock,
                webhooks.timeout(),
                webhooks.permitsPerEndpoint(),
                webhooks.disableAfter());
    }

    @Bean
    EmailSender emailSender(
            DeliveryStore deliveries,
            SubscriptionService subscriptions,
            Mailer mailer,
            MailTemplates templates,
            RetrySchedule schedule,
            Clock clock,
            ExecutorService mailExecutor) {
        return new EmailSender(deliveries, subscriptions, mailer, templates, schedule, clock, mailExecutor);
    }

    @Bean
    OwnerNotifier ownerNotifier(
            SubscriptionService subscriptions, MailTemplates templates, Mailer mailer, Clock clock) {
        return new OwnerNotifier(subscriptions, templates, mailer, clock);
    }

    @Bean
    NoticeDispatcher noticeDispatcher(
            SubscriptionIndex index,
            DeliveryStore deliveries,
            WebhookSender webhooks,
            EmailSender emails,
            Clock clock) {
        return new NoticeDispatcher(index, deliveries, webhooks, emails, clock);
    }

    /** The index is filled before the consumers start matching (they start with the context's lifecycle). */
    @Bean
    SubscriptionIndexLoader subscriptionIndexLoader(SubscriptionService subscriptions) {
        subscriptions.loadIndex();
        return new SubscriptionIndexLoader();
    }

    /** Marks that the index was loaded; the intake consumers depend on it. */
    static final class SubscriptionIndexLoader {}
}
