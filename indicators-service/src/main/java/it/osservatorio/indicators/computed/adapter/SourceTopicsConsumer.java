package it.osservatorio.indicators.computed.adapter;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.IntegrationEvent;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.contracts.registry.MembershipChanged;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.indicators.computed.application.ComputedIndicators;
import it.osservatorio.indicators.computed.domain.SourceChange;
import it.osservatorio.platform.polling.PollingConsumer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the registry's organisations and memberships and projects-service's projects and calls from offset 0 on every
 * start (a group of its own that commits nothing), so the computed values are rebuilt from the topics each time; a
 * rebuild request rewinds to offset 0 again. Records that are not valid events go to
 * {@code Topics.deadLetter(topic, "indicators-service-computed")} with the reason.
 */
public class SourceTopicsConsumer extends PollingConsumer {

    public static final String DEAD_LETTER_GROUP = "indicators-service-computed";
    public static final List<String> TOPICS =
            List.of(Topics.ORGANISATIONS, Topics.MEMBERSHIPS, Topics.PROJECTS, Topics.CALLS);
    private static final Logger log = LoggerFactory.getLogger(SourceTopicsConsumer.class);
    private static final Set<ProjectChanged.ProjectStatus> COMMITTED = Set.of(
            ProjectChanged.ProjectStatus.APPROVED,
            ProjectChanged.ProjectStatus.ONGOING,
            ProjectChanged.ProjectStatus.COMPLETED);

    private final ComputedIndicators computed;
    private final EventCodec codec = new EventCodec("indicators-service");
    private final AtomicBoolean rewind = new AtomicBoolean();
    private final Map<TopicPartition, Long> endOffsets = new HashMap<>();

    public SourceTopicsConsumer(String bootstrapServers, ComputedIndicators computed) {
        super(bootstrapServers, "indicators-computed", Duration.ofMillis(100));
        this.computed = computed;
    }

    /** Asks for a replay from offset 0 after forgetting every fact. */
    public void rebuild() {
        rewind.set(true);
    }

    @Override
    protected Map<String, Object> settings() {
        return Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                "indicators-service-computed-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                5000,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                5000);
    }

    @Override
    protected void subscribe(KafkaConsumer<String, byte[]> consumer) {
        consumer.subscribe(TOPICS, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                partitions.forEach(endOffsets::remove);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                consumer.seekToBeginning(partitions);
                endOffsets.putAll(consumer.endOffsets(partitions));
            }
        });
    }

    @Override
    protected void beforePoll(KafkaConsumer<String, byte[]> consumer) {
        if (rewind.getAndSet(false)) {
            computed.reset();
            consumer.seekToBeginning(consumer.assignment());
            endOffsets.putAll(consumer.endOffsets(consumer.assignment()));
        }
    }

    /** Every poll, also an empty one: it may be the one that finds the service caught up. */
    @Override
    protected void handle(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> consumer) {
        List<SourceChange> changes = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                SourceChange change = changeOf(codec.read(record.key(), record.headers(), record.value()));
                if (change != null) {
                    changes.add(change);
                }
            } catch (RuntimeException e) {
                deadLetters().send(Topics.deadLetter(record.topic(), DEAD_LETTER_GROUP), record, e.getMessage());
            }
        }
        try {
            computed.apply(changes, caughtUp(consumer));
        } catch (RuntimeException e) {
            log.warn("Computed values not stored, they will be with the next change: {}", e.getMessage());
        }
    }

    private boolean caughtUp(KafkaConsumer<String, byte[]> consumer) {
        if (consumer.assignment().isEmpty()) {
            return false;
        }
        for (TopicPartition partition : consumer.assignment()) {
            Long end = endOffsets.get(partition);
            if (end != null && consumer.position(partition) < end) {
                return false;
            }
        }
        return true;
    }

    static SourceChange changeOf(ReceivedEvent event) {
        IntegrationEvent payload = event.payload().orElse(null);
        SourceChange.Kind kind =
                switch (event.type()) {
                    case PROJECT_CHANGED, PROJECT_DELETED -> SourceChange.Kind.PROJECT;
                    case CALL_CHANGED, CALL_DELETED -> SourceChange.Kind.CALL;
                    case ORGANISATION_CHANGED, ORGANISATION_DELETED -> SourceChange.Kind.ORGANISATION;
                    case MEMBERSHIP_CHANGED, MEMBERSHIP_DELETED -> SourceChange.Kind.MEMBERSHIP;
                    default -> null;
                };
        if (kind == null) {
            return null;
        }
        Map<String, Object> fact = payload == null ? null : factOf(payload);
        return new SourceChange(kind, event.subject(), event.aggregateVersion(), fact, event.time());
    }

    private static Map<String, Object> factOf(IntegrationEvent payload) {
        Map<String, Object> fact = new HashMap<>();
        switch (payload) {
            case ProjectChanged project -> {
                // a project of several axes (the pact's 2 and 6) counts under each, as projects-service's totals do
                if (!project.axes().isEmpty()) {
                    fact.put("axis", project.axes());
                }
                putIfPresent(fact, "status", project.status());
                putIfPresent(
                        fact,
                        "programme",
                        project.programme() == null ? null : project.programme().kind());
                BigDecimal totalCost = project.totalCost() == null ? BigDecimal.ZERO : project.totalCost();
                fact.put("totalCost", totalCost);
                fact.put("spent", project.spent() == null ? BigDecimal.ZERO : project.spent());
                fact.put("committed", COMMITTED.contains(project.status()) ? totalCost : BigDecimal.ZERO);
                fact.put("synthetic", project.synthetic());
            }
            case CallChanged call -> {
                putIfPresent(fact, "axis", call.axis());
                putIfPresent(fact, "status", call.status());
                putIfPresent(fact, "programme", call.programme());
                fact.put("budget", call.budget() == null ? BigDecimal.ZERO : call.budget());
                fact.put("synthetic", call.synthetic());
            }
            case OrganisationChanged organisation -> {
                putIfPresent(fact, "type", organisation.type());
                putIfPresent(
                        fact,
                        "province",
                        organisation.address() == null
                                ? null
                                : organisation.address().province());
                fact.put("synthetic", organisation.synthetic());
            }
            case MembershipChanged membership -> {
                fact.put("organisationId", membership.organisationId());
                putIfPresent(fact, "networkKind", membership.networkKind());
                fact.put("open", membership.validTo() == null);
            }
            default -> {
                return null;
            }
        }
        return fact;
    }

    private static void putIfPresent(Map<String, Object> fact, String field, Object value) {
        if (value != null) {
            fact.put(field, value.toString());
        }
    }
}
