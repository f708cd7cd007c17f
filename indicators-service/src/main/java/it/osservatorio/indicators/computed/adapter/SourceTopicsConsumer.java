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
import it.osservatorio.platform.deadletter.DeadLetters;
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
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the registry's organisations and memberships and projects-service's projects and calls from offset 0 on every
 * start (a group of its own that commits nothing), so the computed values are rebuilt from the topics each time; a
 * rebuild request rewinds to offset 0 again. Records that are not valid events go to
 * {@code Topics.deadLetter(topic, "indicators-service-computed")} with the reason.
 */
public class SourceTopicsConsumer implements SmartLifecycle {

    public static final String DEAD_LETTER_GROUP = "indicators-service-computed";
    public static final List<String> TOPICS =
            List.of(Topics.ORGANISATIONS, Topics.MEMBERSHIPS, Topics.PROJECTS, Topics.CALLS);
    private static final Logger log = LoggerFactory.getLogger(SourceTopicsConsumer.class);
    private static final Set<ProjectChanged.ProjectStatus> COMMITTED = Set.of(
            ProjectChanged.ProjectStatus.APPROVED,
            ProjectChanged.ProjectStatus.ONGOING,
            ProjectChanged.ProjectStatus.COMPLETED);

    private final String bootstrapServers;
    private final ComputedIndicators computed;
    private final EventCodec codec = new EventCodec("indicators-service");
    private final AtomicBoolean rewind = new AtomicBoolean();
    private final Map<TopicPartition, Long> endOffsets = new HashMap<>();
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private DeadLetters deadLetters;
    private Thread thread;

    public SourceTopicsConsumer(String bootstrapServers, ComputedIndicators computed) {
        this.bootstrapServers = bootstrapServers;
        this.computed = computed;
    }

    /** Asks for a replay from offset 0 after forgetting every fact. */
    public void rebuild() {
        rewind.set(true);
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "indicators-service-computed-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 5000);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = new DeadLetters(bootstrapServers);
        running = true;
        thread = new Thread(this::run, "indicators-computed");
        thread.start();
    }

    private void run() {
        try {
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
            while (running) {
                if (rewind.getAndSet(false)) {
                    computed.reset();
                    consumer.seekToBeginning(consumer.assignment());
                    endOffsets.putAll(consumer.endOffsets(consumer.assignment()));
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                List<SourceChange> changes = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        SourceChange change = changeOf(codec.read(record.key(), record.headers(), record.value()));
                        if (change != null) {
                            changes.add(change);
                        }
                    } catch (RuntimeException e) {
                        deadLetters.send(Topics.deadLetter(record.topic(), DEAD_LETTER_GROUP), record, e.getMessage());
                    }
                }
                try {
                    computed.apply(changes, caughtUp());
                } catch (RuntimeException e) {
                    log.warn("Computed values not stored, they will be with the next change: {}", e.getMessage());
                }
            }
        } catch (WakeupException e) {
            // stopping
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close();
        }
    }

    private boolean caughtUp() {
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

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
