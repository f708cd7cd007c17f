package it.osservatorio.gateway.institution.adapter;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import it.osservatorio.gateway.institution.domain.ApiKeys;
import it.osservatorio.gateway.institution.domain.InstitutionPrincipal;
import it.osservatorio.gateway.institution.domain.OAuthClient;
import it.osservatorio.gateway.institution.domain.Scope;
import it.osservatorio.platform.web.ConflictException;
import it.osservatorio.platform.web.ResourceNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

@Service
public class InstitutionService {

    static final Duration AUTHENTICATION_CACHE = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Map<String, CachedAuthentication> authenticated = new ConcurrentHashMap<>();
    private final Map<String, CachedClient> activeClients = new ConcurrentHashMap<>();

    InstitutionService(MongoTemplate mongo) {
        this.mongo = mongo;
        this.clock = Clock.systemUTC();
    }

    InstitutionDocument create(String id, String name) {
        if (InstitutionPrincipal.ADMIN_ID.equals(id)) {
            throw new ConflictException("'admin' is reserved for the platform administrator", null);
        }
        InstitutionDocument institution = new InstitutionDocument(id, name, clock.instant(), List.of(), List.of());
        try {
            return mongo.insert(institution);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "Institution '" + id + "' already exists", URI.create("/api/admin/institutions/" + id));
        }
    }

    List<InstitutionDocument> list() {
        return mongo.find(new Query().with(Sort.by("_id")), InstitutionDocument.class);
    }

    InstitutionDocument get(String id) {
        return Optional.ofNullable(mongo.findById(id, InstitutionDocument.class))
                .orElseThrow(() -> new ResourceNotFoundException("Institution", id));
    }

    ApiKeys.Issued issueKey(String institutionId, Set<Scope> scopes) {
        get(institutionId);
        ApiKeys.Issued issued = ApiKeys.issue();
        var key = new InstitutionDocument.StoredKey(
                issued.keyId(), issued.secretHash(), scopes, clock.instant(), null, null, null);
        mongo.updateFirst(
                new Query(where("_id").is(institutionId)), new Update().push("keys", key), InstitutionDocument.class);
        return issued;
    }

    /** What a rotation returns: the new key (shown once) and until when the old one keeps working. */
    record Rotation(ApiKeys.Issued issued, Set<Scope> scopes, Instant oldKeyExpiresAt) {}

    /**
     * Issues a new key with the old key's scopes; the old key keeps working for {@code grace} (zero: it stops at
     * once), so that an institution can deploy the new key without an outage.
     */
    Rotation rotateKey(String institutionId, String keyId, Duration grace) {
        InstitutionDocument institution = get(institutionId);
        Instant now = clock.instant();
        InstitutionDocument.StoredKey old = institution.keys().stream()
                .filter(key -> key.keyId().equals(keyId))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("API key", institutionId + "/" + keyId));
        if (!old.activeAt(now)) {
            throw new ConflictException(
                    "API key " + keyId + " is already revoked or expired; issue a new key instead",
                    URI.create("/api/admin/institutions/" + institutionId + "/keys"));
        }
        ApiKeys.Issued issued = ApiKeys.issue();
        Instant expiresAt = now.plus(grace);
        if (old.expiresAt() != null && old.expiresAt().isBefore(expiresAt)) {
            expiresAt = old.expiresAt();
        }
        var fresh = new InstitutionDocument.StoredKey(
                issued.keyId(), issued.secretHash(), old.scopes(), now, null, null, null);
        var result = mongo.updateFirst(
                new Query(where("_id").is(institutionId).and("keys.keyId").is(keyId)),
                new Update().set("keys.$.expiresAt", expiresAt).set("keys.$.replacedBy", issued.keyId()),
                InstitutionDocument.class);
        if (result.getMatchedCount() == 0) {
            throw new ResourceNotFoundException("API key", institutionId + "/" + keyId);
        }
        mongo.updateFirst(
                new Query(where("_id").is(institutionId)), new Update().push("keys", fresh), InstitutionDocument.class);
        authenticated.clear();
        return new Rotation(issued, old.scopes(), expiresAt);
    }

    void revokeKey(String institutionId, String keyId) {
        var result = mongo.updateFirst(
                new Query(where("_id").is(institutionId).and("keys.keyId").is(keyId)),
                new Update().set("keys.$.revokedAt", clock.instant()),
                InstitutionDocument.class);
        if (result.getMatchedCount() == 0) {
            throw new ResourceNotFoundException("API key", institutionId + "/" + keyId);
        }
        authenticated.clear();
    }

    /**
     * The institution an API key belongs to, if the key exists, matches and is not revoked. Answers are cached for a
     * few seconds per key; a revocation through this gateway clears the cache at once, other gateway instances see
     * it within {@link #AUTHENTICATION_CACHE}.
     */
    public Optional<InstitutionPrincipal> authenticate(String apiKey) {
        Instant now = clock.instant();
        CachedAuthentication cached = authenticated.get(apiKey);
        if (cached != null && cached.validUntil().isAfter(now)) {
            return Optional.of(cached.principal());
        }
        Optional<InstitutionPrincipal> principal = lookUp(apiKey, now);
        principal.ifPresent(p -> {
            if (authenticated.size() > 10_000) {
                authenticated.clear();
            }
            authenticated.put(apiKey, new CachedAuthentication(p, now.plus(AUTHENTICATION_CACHE)));
        });
        return principal;
    }

    private record CachedAuthentication(InstitutionPrincipal principal, Instant validUntil) {}

    private Optional<InstitutionPrincipal> lookUp(String apiKey, Instant now) {
        return ApiKeys.parse(apiKey).flatMap(parsed -> {
            InstitutionDocument institution =
                    mongo.findOne(new Query(where("keys.keyId").is(parsed.keyId())), InstitutionDocument.class);
            if (institution == null) {
                return Optional.empty();
            }
            return institution.keys().stream()
                    .filter(key -> key.keyId().equals(parsed.keyId()))
                    .filter(key -> key.activeAt(now))
                    .filter(key -> ApiKeys.matches(parsed.secret(), key.secretHash()))
                    .findFirst()
                    .map(key -> new InstitutionPrincipal(institution.id(), institution.name(), key.scopes()));
        });
    }

    /** An OAuth2 client with the institution it belongs to. */
    public record ClientOwner(String institutionId, String institutionName, OAuthClient client) {}

    OAuthClient.Registered registerClient(String institutionId, Set<Scope> scopes) {
        get(institutionId);
        OAuthClient.Registered registered = OAuthClient.register(scopes, clock.instant());
        mongo.updateFirst(
                new Query(where("_id").is(institutionId)),
                new Update().push("clients", registered.client()),
                InstitutionDocument.class);
        return registered;
    }

    /** What a client rotation returns: the new client (its secret shown once) and until when the old one works. */
    record ClientRotation(OAuthClient.Registered registered, Instant oldClientExpiresAt) {}

    /**
     * Registers a new client with the old client's scopes; the old client and the tokens issued to it keep working
     * for {@code grace} (zero: they stop at once).
     */
    ClientRotation rotateClient(String institutionId, String clientId, Duration grace) {
        InstitutionDocument institution = get(institutionId);
        Instant now = clock.instant();
        OAuthClient old = institution.clients().stream()
                .filter(client -> client.clientId().equals(clientId))
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("OAuth2 client", institutionId + "/" + clientId));
        if (!old.activeAt(now)) {
            throw new ConflictException(
                    "OAuth2 client " + clientId + " is already revoked or expired; register a new client instead",
                    URI.create("/api/admin/institutions/" + institutionId + "/clients"));
        }
        OAuthClient.Registered registered = OAuthClient.register(old.scopes(), now);
        Instant expiresAt = old.expiryAfterRotation(now, grace);
        var result = mongo.updateFirst(
                new Query(where("_id").is(institutionId).and("clients.clientId").is(clientId)),
                new Update()
                        .set("clients.$.expiresAt", expiresAt)
                        .set("clients.$.replacedBy", registered.client().clientId()),
                InstitutionDocument.class);
        if (result.getMatchedCount() == 0) {
            throw new ResourceNotFoundException("OAuth2 client", institutionId + "/" + clientId);
        }
        mongo.updateFirst(
                new Query(where("_id").is(institutionId)),
                new Update().push("clients", registered.client()),
                InstitutionDocument.class);
        activeClients.clear();
        return new ClientRotation(registered, expiresAt);
    }

    void revokeClient(String institutionId, String clientId) {
        var result = mongo.updateFirst(
                new Query(where("_id").is(institutionId).and("clients.clientId").is(clientId)),
                new Update().set("clients.$.revokedAt", clock.instant()),
                InstitutionDocument.class);
        if (result.getMatchedCount() == 0) {
            throw new ResourceNotFoundException("OAuth2 client", institutionId + "/" + clientId);
        }
        activeClients.clear();
    }

    /** The client with this id if it exists and is active now (not revoked, not past a rotation's grace period). */
    public Optional<ClientOwner> findActiveClient(String clientId) {
        if (clientId == null || clientId.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        InstitutionDocument institution =
                mongo.findOne(new Query(where("clients.clientId").is(clientId)), InstitutionDocument.class);
        if (institution == null) {
            return Optional.empty();
        }
        return institution.clients().stream()
                .filter(client -> client.clientId().equals(clientId))
                .filter(client -> client.activeAt(now))
                .findFirst()
                .map(client -> new ClientOwner(institution.id(), institution.name(), client));
    }

    /**
     * The institution an access token acts for, if the token's client still exists, belongs to that institution and
     * is active: checked on every use, so a revoked client's unexpired tokens stop working. Active clients are cached
     * like API keys ({@link #AUTHENTICATION_CACHE}; a revocation through this gateway clears the cache at once).
     */
    public Optional<InstitutionPrincipal> authenticateClient(
            String clientId, String institutionId, Set<String> tokenScopes) {
        if (clientId == null || institutionId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        CachedClient cached = activeClients.get(clientId);
        ClientOwner owner;
        if (cached != null
                && cached.validUntil().isAfter(now)
                && cached.owner().client().activeAt(now)) {
            owner = cached.owner();
        } else {
            Optional<ClientOwner> found = findActiveClient(clientId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            owner = found.get();
            if (activeClients.size() > 10_000) {
                activeClients.clear();
            }
            activeClients.put(clientId, new CachedClient(owner, now.plus(AUTHENTICATION_CACHE)));
        }
        if (!owner.institutionId().equals(institutionId)) {
            return Optional.empty();
        }
        Set<Scope> granted = owner.client().grantedBy(tokenScopes);
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InstitutionPrincipal(owner.institutionId(), owner.institutionName(), granted));
    }

    private record CachedClient(ClientOwner owner, Instant validUntil) {}
}
