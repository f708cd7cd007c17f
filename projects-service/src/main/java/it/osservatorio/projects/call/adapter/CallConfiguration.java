package it.osservatorio.projects.call.adapter;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.Topics;
import it.osservatorio.platform.outbox.OutboxCollection;
import it.osservatorio.platform.outbox.OutboxRelay;
import it.osservatorio.projects.call.application.CallService;
import it.osservatorio.projects.call.application.CallStore;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Calls and their notice scheduler. {@code osservatorio.calls.closing-soon} (default 7 days) sets when the
 * closing-soon notice falls due before the deadline; {@code osservatorio.calls.scheduler.interval} (default 250 ms)
 * how often due notices are looked for.
 */
@Configuration(proxyBeanMethods = false)
class CallConfiguration {

    @Bean
    CallService callService(
            CallStore store,
            EventCodec codec,
            OutboxRelay relay,
            Clock clock,
            @Value("${osservatorio.calls.closing-soon:P7D}") Duration closingSoon) {
        return new CallService(store, codec, relay, clock, closingSoon);
    }

    @Bean
    @ConditionalOnProperty(name = "osservatorio.calls.scheduler.enabled", havingValue = "true", matchIfMissing = true)
    CallNoticeScheduler callNoticeScheduler(
            CallService callService, @Value("${osservatorio.calls.scheduler.interval:250ms}") Duration interval) {
        return new CallNoticeScheduler(callService, interval);
    }

    @Bean
    OutboxCollection callsOutbox() {
        return new OutboxCollection(CallService.COLLECTION);
    }

    @Bean
    NewTopic callsTopic() {
        return TopicBuilder.name(Topics.CALLS)
                .partitions(3)
                .replicas(1)
                .compact()
                .config("min.compaction.lag.ms", "60000")
                .build();
    }

    @Bean
    NewTopic callNoticesTopic() {
        return TopicBuilder.name(Topics.CALL_NOTICES)
                .partitions(3)
                .replicas(1)
                .config("retention.ms", "-1")
                .build();
    }
}
