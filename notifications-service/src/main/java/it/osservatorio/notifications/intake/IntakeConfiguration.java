package it.osservatorio.notifications.intake;

import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventDecodingException;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.indicators.IndicatorStatusChanged;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.projects.CallNotice;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.notifications.delivery.application.NoticeDispatcher;
import it.osservatorio.notifications.subscription.application.ProfileDirectory;
import it.osservatorio.notifications.subscription.application.SubscriptionService;
import it.osservatorio.notifications.subscription.domain.Notice;
import it.osservatorio.platform.replica.StateTopicBatchConsumer;
import it.osservatorio.platform.replica.StateTopicConsumer;
import it.osservatorio.platform.replica.VersionedReplica;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The bindings that feed notices: calls published ({@code calls-in-0}), call notices ({@code callNotices-in-0}),
 * projects approved ({@code projects-in-0}), memberships of clusters ({@code memberships-in-0}); and the replicas
 * they need; indicator status changes ({@code indicatorStatus-in-0}). The replicas they need: organisations (for "match my profile", re-preparing the subscriptions that use one when it changes)
 * and calls (for the Atom feeds). A record that is not a valid event goes to the binding's dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
@DependsOn("subscriptionIndexLoader")
class IntakeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IntakeConfiguration.class);
    private static final EventCodec CODEC = new EventCodec("notifications-service");

    @Bean
    Consumer<Message<?>> calls(
            VersionedReplica<CallChanged> callReplicaStore, NoticeDispatcher dispatcher, MeterRegistry meters) {
        StateTopicConsumer replica = new StateTopicConsumer(callReplicaStore, meters);
        return message -> {
            replica.accept(message);
            notices(message, event -> event.payloadAs(CallChanged.class), NoticeFactory::published, dispatcher);
        };
    }

    @Bean
    Consumer<Message<?>> callNotices(NoticeDispatcher dispatcher) {
        return message -> notices(
                message,
                event -> event.payloadAs(CallNotice.class),
                notice -> Optional.of(NoticeFactory.notice(notice)),
                dispatcher);
    }

    @Bean
    Consumer<Message<?>> projects(NoticeDispatcher dispatcher) {
        return message ->
                notices(message, event -> event.payloadAs(ProjectChanged.class), NoticeFactory::approved, dispatcher);
    }

    @Bean
    Consumer<Message<?>> memberships(
            NoticeDispatcher dispatcher,
            ProfileDirectory profiles,
            VersionedReplica<OrganisationChanged> organisationReplicaStore) {
        return message -> notices(
                message,
                event -> event.payloadAs(MembershipChanged.class),
                membership -> NoticeFactory.joined(
                        membership,
                        profiles.find(membership.organisationId()),
                        organisationReplicaStore
                                .find(membership.organisationId())
                                .map(OrganisationChanged::legalName)
                                .orElse(null)),
                dispatcher);
    }

    @Bean
    Consumer<Message<?>> indicatorStatus(NoticeDispatcher dispatcher) {
        return message -> notices(
                message,
                event -> event.payloadAs(IndicatorStatusChanged.class),
                NoticeFactory::statusChanged,
                dispatcher);
    }

    @Bean
    Consumer<Message<List<?>>> organisationReplica(
            VersionedReplica<OrganisationChanged> organisationReplicaStore,
            SubscriptionService subscriptions,
            MeterRegistry meters) {
        // a poll at a time (another service's bulk import is thousands of organisations); re-preparing the
        // subscriptions of an organisation whose event was stale changes nothing
        return new StateTopicBatchConsumer(organisationReplicaStore, meters, events -> events.stream()
                .map(ReceivedEvent::subject)
                .distinct()
                .forEach(subscriptions::profileChanged));
    }

    private static <T> void notices(
            Message<?> message,
            Function<ReceivedEvent, T> payload,
            Function<T, Optional<Notice>> toNotice,
            NoticeDispatcher dispatcher) {
        ReceivedEvent event = read(message);
        if (event.isTombstone()) {
            return;
        }
        toNotice.apply(payload.apply(event)).ifPresent(notice -> {
            int created = dispatcher.dispatch(notice);
            log.debug("{} from event {}: {} deliveries", notice.key(), event.id(), created);
        });
    }

    private static ReceivedEvent read(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        try {
            return CODEC.read(key == null ? null : key.toString(), message.getHeaders(), message.getPayload());
        } catch (EventDecodingException e) {
            log.warn("Record with key {} is not a valid event: {}", key, e.getMessage());
            throw e;
        }
    }
}
