package it.osservatorio.platform.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reports the service's database as up when it answers a {@code ping}. Boot's own Mongo health check runs
 * {@code hello} and reads fields the embedded wire-protocol server does not return, so it reports DOWN there.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongoTemplate;

    public MongoPingHealthIndicator(MongoTemplate mongoTemplate) {
        super("MongoDB ping failed");
        this.mongoTemplate = mongoTemplate;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongoTemplate.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongoTemplate.getDb().getName()).withDetail("ok", answer.get("ok"));
    }
}
