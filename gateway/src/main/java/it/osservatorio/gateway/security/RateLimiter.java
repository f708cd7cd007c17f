package it.osservatorio.gateway.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import it.osservatorio.gateway.GatewayProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One Bucket4j token bucket per API key id, so that one institution's burst cannot starve the others. */
public class RateLimiter {

    private final GatewayProperties.RateLimit limit;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayProperties.RateLimit limit) {
        this.limit = limit;
    }

    /** What a request may do: go on (with the tokens left) or wait {@code retryAfterSeconds}. */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}

    public Decision tryConsume(String keyId) {
        ConsumptionProbe probe =
                buckets.computeIfAbsent(keyId, id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Decision(false, 0, seconds);
    }

    public long capacity() {
        return limit.capacity();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(
                        bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()))
                .build();
    }
}
