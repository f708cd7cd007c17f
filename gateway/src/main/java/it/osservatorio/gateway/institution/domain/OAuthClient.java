package it.osservatorio.gateway.institution.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An institution's OAuth2 client (client credentials grant): the client id is public, the secret is kept only as its
 * SHA-256 hash, like an API key's. Tokens issued to the client are honoured only while the client itself is active,
 * so revoking the client (or the end of a rotation's grace period) stops its tokens too.
 *
 * @param expiresAt when a rotated client stops working (null: until revoked)
 * @param replacedBy the client that replaced this one by rotation
 */
public record OAuthClient(
        String clientId,
        String secretHash,
        Set<Scope> scopes,
        Instant createdAt,
        Instant revokedAt,
        Instant expiresAt,
        String replacedBy) {

    static final String CLIENT_ID_PREFIX = "oc_";
    static final String SECRET_PREFIX = "ocs_";

    public OAuthClient {
        scopes = scopes == null || scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** A newly registered client and its secret, which is shown once and never stored. */
    public record Registered(OAuthClient client, String clientSecret) {}

    public static Registered register(Set<Scope> scopes, Instant now) {
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("A client needs at least one scope");
        }
        String clientId = CLIENT_ID_PREFIX + ApiKeys.randomToken(9);
        String secret = SECRET_PREFIX + ApiKeys.randomToken(32);
        return new Registered(new OAuthClient(clientId, ApiKeys.hash(secret), scopes, now, null, null, null), secret);
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean secretMatches(String presentedSecret) {
        return presentedSecret != null && ApiKeys.matches(presentedSecret, secretHash);
    }

    /**
     * When this client stops working if it is rotated now with {@code grace}: never later than an expiry it already
     * has.
     */
    public Instant expiryAfterRotation(Instant now, Duration grace) {
        if (!activeAt(now)) {
            throw new IllegalStateException("Client " + clientId + " is already revoked or expired");
        }
        Instant end = now.plus(grace);
        return expiresAt != null && expiresAt.isBefore(end) ? expiresAt : end;
    }

    /**
     * The scopes a token of this client grants now: those written in the token that the client still has (a token
     * never grants more than its client).
     */
    public Set<Scope> grantedBy(Set<String> tokenScopes) {
        return tokenScopes.stream()
                .map(Scope::ofClaim)
                .flatMap(java.util.Optional::stream)
                .filter(scopes::contains)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    public Set<String> scopeClaims() {
        return scopes.stream().map(Scope::claim).collect(Collectors.toSet());
    }
}
