package it.osservatorio.notifications.subscription.application;

import it.osservatorio.notifications.subscription.domain.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

public interface SubscriptionStore {

    void insert(Subscription subscription);

    /** Replaces the stored subscription if it still has the version before this one; false when it changed. */
    boolean replace(Subscription subscription);

    Optional<Subscription> find(String id);

    Optional<Subscription> findByEmailToken(String token);

    List<Subscription> ownedBy(String institutionId, String afterId, int limit);

    void delete(String id);

    void forEach(Consumer<Subscription> action);

    /** Webhook subscriptions disabled, with a contact not told yet (see WebhookTarget#ownerToBeTold). */
    List<Subscription> webhooksWithOwnerToTell(int limit);
}
