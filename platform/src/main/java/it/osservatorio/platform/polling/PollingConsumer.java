package it.osservatorio.platform.polling;

import it.osservatorio.platform.deadletter.DeadLetters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A plain Kafka consumer polled on its own platform thread, for consumers that take a whole poll at once (a batch
 * write, a live buffer) rather than a record at a time through a Spring Cloud Stream binding. It owns the consumer,
 * the thread and the dead-letter producer from {@link #start()} to {@link #stop()}; a subclass says how the consumer
 * is configured and subscribed and what a poll does.
 */
public abstract class PollingConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingConsumer.class);

    private final String bootstrapServers;
    private final String threadName;
    private final Duration pollTimeout;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private DeadLetters deadLetters;
    private Thread thread;

    protected PollingConsumer(String bootstrapServers, String threadName, Duration pollTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.threadName = threadName;
        this.pollTimeout = pollTimeout;
    }

    /** Consumer settings besides the bootstrap servers and the (string key, byte array value) deserializers. */
    protected abstract Map<String, Object> settings();

    /** Subscribes (or assigns) the consumer; runs on the polling thread before the first poll. */
    protected abstract void subscribe(KafkaConsumer<String, byte[]> consumer);

    /** Runs on the polling thread before each poll, e.g. to seek. */
    protected void beforePoll(KafkaConsumer<String, byte[]> consumer) {}

    /** Handles one poll, empty ones included; runs on the polling thread. */
    protected abstract void handle(ConsumerRecords<String, byte[]> records, KafkaConsumer<String, byte[]> consumer);

    /** Sends records that cannot be handled to a dead-letter topic; open while the consumer runs. */
    protected final DeadLetters deadLetters() {
        return deadLetters;
    }

    @Override
    public void start() {
        Map<String, Object> config = new HashMap<>(settings());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        deadLetters = new DeadLetters(bootstrapServers);
        running = true;
        thread = Thread.ofPlatform().name(threadName).start(this::run);
    }

    private void run() {
        try {
            subscribe(consumer);
            while (running) {
                beforePoll(consumer);
                handle(consumer.poll(pollTimeout), consumer);
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            running = false;
            log.error("Consumer {} stopped: {}", threadName, e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
            deadLetters.close();
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
