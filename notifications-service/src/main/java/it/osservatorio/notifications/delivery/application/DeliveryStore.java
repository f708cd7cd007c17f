package it.osservatorio.notifications.delivery.application;

import it.osservatorio.notifications.delivery.domain.Delivery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface DeliveryStore {

    /** Records the delivery unless one with its id (subscription + notice) exists: false then. */
    boolean insertIfAbsent(Delivery delivery);

    /** Records each delivery unless one with its id exists; returns those it recorded, in their order. */
    default List<Delivery> insertAllIfAbsent(List<Delivery> deliveries) {
        return deliveries.stream().filter(this::insertIfAbsent).toList();
    }

    Optional<Delivery> find(String id);

    /**
     * Takes a delivery for sending: pending and due, or in flight with an expired lease (its sender died). Only one
     * caller gets it.
     */
    Optional<Delivery> claim(String id, Instant now, Instant leaseUntil);

    /** Writes the outcome of an attempt over the claimed delivery. */
    void save(Delivery delivery);

    /** Ids of deliveries of a channel that are due, oldest first. */
    List<String> due(it.osservatorio.notifications.subscription.domain.Channel channel, Instant now, int limit);

    List<Delivery> pendingFor(String subscriptionId);

    List<Delivery> forSubscription(String subscriptionId, String afterId, int limit);
}
