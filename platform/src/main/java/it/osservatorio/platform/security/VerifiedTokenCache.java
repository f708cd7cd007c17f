package it.osservatorio.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already verified until they expire. The gateway reuses one token per institution for half its
 * lifetime, and checking its RSA signature again on every call was a sixth of a service's CPU per write (ADR 0008).
 * Only the exact token string verified before is accepted from the cache; anything else goes to the decoder.
 */
final class VerifiedTokenCache implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt cached = verified.get(token);
        if (cached != null) {
            if (cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(now)) {
                return cached;
            }
            verified.remove(token);
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(now)) {
            if (verified.size() >= MAX_TOKENS) {
                verified.values().removeIf(known -> !known.getExpiresAt().isAfter(now));
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
