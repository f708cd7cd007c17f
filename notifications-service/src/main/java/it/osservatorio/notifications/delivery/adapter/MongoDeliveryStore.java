package it.osservatorio.notifications.delivery.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.bulk.BulkWriteError;
import it.osservatorio.notifications.delivery.application.DeliveryStore;
import it.osservatorio.notifications.delivery.domain.Delivery;
import it.osservatorio.notifications.delivery.domain.DeliveryStatus;
import it.osservatorio.notifications.subscription.domain.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Deliveries in one collection, keyed by the dedupe key: the unique {@code _id} makes a second insert for the same
 * subscription and notice fail, whatever process or replay attempts it.
 */
public class MongoDeliveryStore implements DeliveryStore {

    private static final int DUPLICATE_KEY = 11000;

    static final String COLLECTION = "deliveries";

    private final MongoTemplate mongo;

    public MongoDeliveryStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION)
                .createIndex(
                        new Index().on("subscriptionId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
    }

    @Override
    public boolean insertIfAbsent(Delivery delivery) {
        try {
            mongo.insert(delivery, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /**
     * One unordered bulk insert: a notice matching a thousand webhooks wrote its deliveries one round trip at a time,
     * and its first webhook waited for all of them. An id already recorded fails alone, as a duplicate key.
     */
    @Override
    public List<Delivery> insertAllIfAbsent(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class, COLLECTION);
        bulk.insert(deliveries);
        try {
            bulk.execute();
            return deliveries;
        } catch (BulkOperationException e) {
            Set<Integer> duplicates = new HashSet<>();
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                duplicates.add(error.getIndex());
            }
            List<Delivery> inserted = new ArrayList<>();
            for (int i = 0; i < deliveries.size(); i++) {
                if (!duplicates.contains(i)) {
                    inserted.add(deliveries.get(i));
                }
            }
            return inserted;
        }
    }

    @Override
    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class, COLLECTION));
    }

    @Override
    public Optional<Delivery> claim(String id, Instant now, Instant leaseUntil) {
        Query claimable = new Query(where("_id")
                .is(id)
                .orOperator(
                        where("status")
                                .is(DeliveryStatus.PENDING)
                                .and("nextAttemptAt")
                                .lte(now),
                        where("status")
                                .is(DeliveryStatus.PENDING)
                                .and("nextAttemptAt")
                                .is(null),
                        where("status")
                                .is(DeliveryStatus.IN_FLIGHT)
                                .and("leaseUntil")
                                .lt(now)));
        Update take = new Update().set("status", DeliveryStatus.IN_FLIGHT).set("leaseUntil", leaseUntil);
        return Optional.ofNullable(mongo.findAndModify(
                claimable, take, FindAndModifyOptions.options().returnNew(true), Delivery.class, COLLECTION));
    }

    @Override
    public void save(Delivery delivery) {
        mongo.save(delivery, COLLECTION);
    }

    @Override
    public List<String> due(Channel channel, Instant now, int limit) {
        Query query = new Query(new Criteria()
                        .andOperator(
                                where("channel").is(channel),
                                new Criteria()
                                        .orOperator(
                                                where("status")
                                                        .is(DeliveryStatus.PENDING)
                                                        .and("nextAttemptAt")
                                                        .lte(now),
                                                where("status")
                                                        .is(DeliveryStatus.IN_FLIGHT)
                                                        .and("leaseUntil")
                                                        .lt(now))))
                .with(Sort.by("nextAttemptAt"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> d.getString("_id"))
                .toList();
    }

    @Override
    public List<Delivery> pendingFor(String subscriptionId) {
        return mongo.find(
                new Query(where("subscriptionId")
                                .is(subscriptionId)
                                .and("status")
                                .is(DeliveryStatus.PENDING))
                        .with(Sort.by("_id")),
                Delivery.class,
                COLLECTION);
    }

    @Override
    public List<Delivery> forSubscription(String subscriptionId, String afterId, int limit) {
        Criteria criteria = where("subscriptionId").is(subscriptionId);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return mongo.find(new Query(criteria).with(Sort.by("_id")).limit(limit), Delivery.class, COLLECTION);
    }
}
