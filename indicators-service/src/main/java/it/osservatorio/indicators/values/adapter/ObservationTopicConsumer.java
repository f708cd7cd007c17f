package it.osservatorio.indicators.values.adapter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.indicators.ObservationSubmitted;
import it.osservatorio.indicators.values.application.SubmissionOutcome;
import it.osservatorio.indicators.values.application.ValueLedger;
import it.osservatorio.platform.polling.PollingConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests {@link Topics#INDICATOR_OBSERVATIONS} in batches (group {@value #GROUP}): every poll's valid observations
 * go to the ledger in one batch; a record that is not a valid observation event, or that the ledger refuses, goes to
 * {@code Topics.deadLetter(INDICATOR_OBSERVATIONS, GROUP)} with the reason, and the consumer goes on. Offsets are
 * committed after the batch is stored; a failure to store (e.g. the database is down) rewinds to the batch and
 * retries it, which the ledger makes harmless (the same submissionId changes nothing).
 */
public class ObservationTopicConsumer extends PollingConsumer {

    public static final String GROUP = "indicators-service";
    public static final String DEAD_LETTER_TOPIC = Topics.deadLetter(Topics.INDICATOR_OBSERVATIONS, GROUP);
    private static final Logger log = LoggerFactory.getLogger(ObservationTopicConsumer.class);

    private final ValueLedger ledger;
    private final EventCodec codec = new EventCodec("indicators-service");
    private final Counter ingested;
    private final Counter deadLettered;

    public ObservationTopicConsumer(String bootstrapServers, ValueLedger ledger, MeterRegistry meters) {
        super(bootstrapServers, "indicators-observations", Duration.ofMillis(200));
        this.ledger = ledger;
        this.ingested = Counter.builder("osservatorio.indicators.observations.ingested")
                .description("Observations read from the topic and accepted")
                .register(meters);
        this.deadLettered = Counter.builder("osservatorio.indicators.observations.dead-lettered")
                .description("Observation records sent to the dead-letter topic")
                .register(meters);
    }

    @Override
    protected Map<String, Object> settings() {
        return Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2000,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                5000);
    }

    @Override
    protected void subscribe(KafkaConsumer<String, byte[]> consumer) {
        consumer.subscribe(List.of(Topics.INDICATOR_OBSERVATIONS));
    }

    @Override
    protected void handle(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> consumer) {
        if (records.isEmpty()) {
            return;
        }
        try {
            process(records);
            consumer.commitSync();
        } catch (RuntimeException e) {
            log.warn("Observation batch not stored, retrying: {}", e.getMessage());
            ledger.evictCache();
            for (TopicPartition partition : records.partitions()) {
                consumer.seek(partition, records.records(partition).getFirst().offset());
            }
            sleep();
        }
    }

    private void process(ConsumerRecords<String, byte[]> records) {
        List<ObservationSubmitted> observations = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String reason;
            try {
                ReceivedEvent event = codec.read(record.key(), record.headers(), record.value());
                if (event.type() != EventType.OBSERVATION_SUBMITTED) {
                    reason = "Type " + event.type().ceType() + " does not belong on "
                            + Topics.INDICATOR_OBSERVATIONS + "; expected "
                            + EventType.OBSERVATION_SUBMITTED.ceType();
                } else {
                    ObservationSubmitted observation =
                            (ObservationSubmitted) event.payload().orElseThrow();
                    if (record.key() != null && !record.key().equals(observation.aggregateId())) {
                        reason = "Record key '" + record.key() + "' differs from indicatorCode|period|territory '"
                                + observation.aggregateId() + "'";
                    } else {
                        observations.add(observation);
                        sources.add(record);
                        continue;
                    }
                }
            } catch (RuntimeException e) {
                reason = e.getMessage();
            }
            deadLetters().send(DEAD_LETTER_TOPIC, record, reason);
            deadLettered.increment();
        }
        if (observations.isEmpty()) {
            return;
        }
        List<SubmissionOutcome> outcomes = ledger.submit(observations, false);
        for (SubmissionOutcome outcome : outcomes) {
            if (outcome.accepted()) {
                ingested.increment();
            } else {
                deadLetters().send(DEAD_LETTER_TOPIC, sources.get(outcome.index()), outcome.reason());
                deadLettered.increment();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
