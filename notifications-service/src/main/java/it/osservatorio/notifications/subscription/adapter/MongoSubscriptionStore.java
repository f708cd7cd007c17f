package it.osservatorio.notifications.subscription.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.notifications.subscription.application.SubscriptionStore;
import it.osservatorio.notifications.subscription.domain.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

public class MongoSubscriptionStore implements SubscriptionStore {

    static final String COLLECTION = "subscriptions";

    private final MongoTemplate mongo;

    public MongoSubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("ownerInstitutionId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    @Override
    public void insert(Subscription subscription) {
        mongo.insert(SubscriptionDocument.of(subscription), COLLECTION);
    }

    @Override
    public boolean replace(Subscription subscription) {
        Query unchanged =
                new Query(where("_id").is(subscription.id()).and("version").is(subscription.version() - 1));
        return mongo.replace(unchanged, SubscriptionDocument.of(subscription), COLLECTION)
                        .getMatchedCount()
                > 0;
    }

    @Override
    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SubscriptionDocument.class, COLLECTION))
                .map(SubscriptionDocument::toSubscription);
    }

    @Override
    public Optional<Subscription> findByEmailToken(String token) {
        Query query = new Query(new Criteria()
                .orOperator(
                        where("confirmToken").is(token),
                        where("unsubscribeToken").is(token)));
        return Optional.ofNullable(mongo.findOne(query, SubscriptionDocument.class, COLLECTION))
                .map(SubscriptionDocument::toSubscription);
    }

    @Override
    public List<Subscription> ownedBy(String institutionId, String afterId, int limit) {
        Criteria criteria = where("ownerInstitutionId").is(institutionId);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return mongo
                .find(new Query(criteria).with(Sort.by("_id")).limit(limit), SubscriptionDocument.class, COLLECTION)
                .stream()
                .map(SubscriptionDocument::toSubscription)
                .toList();
    }

    @Override
    public void delete(String id) {
        mongo.remove(new Query(where("_id").is(id)), COLLECTION);
    }

    @Override
    public List<Subscription> webhooksWithOwnerToTell(int limit) {
        Query query = new Query(where("webhook.enabled")
                        .is(false)
                        .and("webhook.contact")
                        .ne(null)
                        .and("webhook.ownerToldAt")
                        .is(null))
                .limit(limit);
        return mongo.find(query, SubscriptionDocument.class, COLLECTION).stream()
                .map(SubscriptionDocument::toSubscription)
                .toList();
    }

    @Override
    public void forEach(Consumer<Subscription> action) {
        try (var stream = mongo.stream(new Query(), SubscriptionDocument.class, COLLECTION)) {
            stream.map(SubscriptionDocument::toSubscription).forEach(action);
        }
    }
}
