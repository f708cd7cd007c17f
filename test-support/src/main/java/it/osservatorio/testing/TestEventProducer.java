package it.osservatorio.testing;

import it.osservatorio.contracts.EventCodec;
import it.osservatorio.contracts.EventEnvelope;
import it.osservatorio.contracts.StateEvent;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes events as a service would (through the codec), or arbitrary records, and waits for the ack. */
public final class TestEventProducer implements AutoCloseable {

    private final EventCodec codec;
    private final KafkaProducer<String, byte[]> producer;

    public TestEventProducer(String bootstrapServers, String sourceService) {
        this.codec = new EventCodec(sourceService);
        this.producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers, "acks", "all", "enable.idempotence", true),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    public EventCodec codec() {
        return codec;
    }

    public void publish(StateEvent event) {
        send(codec.toRecord(codec.envelope(event)));
    }

    public void publish(EventEnvelope envelope) {
        send(codec.toRecord(envelope));
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish " + record, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
