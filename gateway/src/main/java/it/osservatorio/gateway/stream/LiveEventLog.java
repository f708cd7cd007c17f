package it.osservatorio.gateway.stream;

import it.osservatorio.contracts.Topics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recent events, in the order the gateway read them, and the clients listening. A reconnecting client gets the
 * buffered events after its position; the range older than the buffer is reported as a gap to read from Kafka.
 */
public class LiveEventLog {

    private final int capacity;
    private final ArrayDeque<LiveEvent> buffer = new ArrayDeque<>();
    private final Map<String, Long> droppedUpTo = new HashMap<>();
    private final Set<LiveSubscriber> subscribers = new CopyOnWriteArraySet<>();
    private final AtomicLong dropped = new AtomicLong();
    private StreamPosition position = StreamPosition.empty();

    public LiveEventLog(int capacity) {
        this.capacity = capacity;
    }

    /** A range of one partition the buffer no longer holds: offsets from..to inclusive. */
    public record Gap(String topic, int partition, long from, long to) {}

    /** What a client resuming from a position must receive before it goes live. */
    public record Resume(StreamPosition start, List<Gap> gaps, List<LiveEvent> buffered) {}

    /** The partition was assigned to the gateway starting at this offset; earlier offsets are not buffered. */
    public synchronized void startsAt(String topic, int partition, long offset) {
        if (offset > 0) {
            droppedUpTo.merge(StreamPosition.key(topic, partition), offset - 1, Math::max);
        }
    }

    public synchronized LiveEvent append(String topic, int partition, long offset, String name, String data) {
        StreamPosition before = position;
        boolean advances = offset > before.offset(topic, partition);
        if (advances) {
            position = before.with(topic, partition, offset);
        }
        LiveEvent event = new LiveEvent(topic, partition, offset, before, position, advances, name, data);
        buffer.addLast(event);
        while (buffer.size() > capacity) {
            LiveEvent evicted = buffer.removeFirst();
            droppedUpTo.merge(StreamPosition.key(evicted.topic(), evicted.partition()), evicted.offset(), Math::max);
        }
        for (LiveSubscriber subscriber : subscribers) {
            if (!subscriber.offer(event)) {
                subscribers.remove(subscriber);
                dropped.incrementAndGet();
                subscriber.disconnect("too slow: more than the client queue's events waiting");
            }
        }
        return event;
    }

    /**
     * Registers a client and returns, atomically with the registration, what it missed since {@code from}: nothing
     * is lost between the replay and the live events, and nothing is sent twice.
     */
    public synchronized Resume subscribe(LiveSubscriber subscriber, StreamPosition from) {
        List<Gap> gaps = new ArrayList<>();
        List<LiveEvent> missed = new ArrayList<>();
        if (from != null) {
            for (Map.Entry<String, Long> dropped : droppedUpTo.entrySet()) {
                String[] key = dropped.getKey().split("\\.");
                String topic = Topics.ALL.get(Integer.parseInt(key[0]));
                int partition = Integer.parseInt(key[1]);
                long seen = from.offset(topic, partition);
                if (from.covers(topic, partition) && seen < dropped.getValue()) {
                    gaps.add(new Gap(topic, partition, seen + 1, dropped.getValue()));
                }
            }
            for (LiveEvent event : buffer) {
                if (event.offset() > from.offset(event.topic(), event.partition())) {
                    missed.add(event);
                }
            }
        }
        subscribers.add(subscriber);
        return new Resume(from == null ? position : from, gaps, missed);
    }

    public void unsubscribe(LiveSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    public long droppedSubscribers() {
        return dropped.get();
    }

    public synchronized StreamPosition position() {
        return position;
    }
}
