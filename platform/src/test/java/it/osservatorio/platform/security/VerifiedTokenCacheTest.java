package it.osservatorio.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final List<String> verifications = new ArrayList<>();
    private Instant expiresAt = NOW.plus(Duration.ofMinutes(5));

    private final JwtDecoder verifying = token -> {
        verifications.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("lombardia")
                .issuedAt(NOW)
                .expiresAt(expiresAt)
                .build();
    };

    @Test
    void shouldVerifyATokenOnceWhenItIsPresentedAgainBeforeItExpires() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifying, clockAt(NOW));

        Jwt first = cache.decode("token-a");
        Jwt second = cache.decode("token-a");
        cache.decode("token-b");

        assertThat(second).isSameAs(first);
        assertThat(verifications).containsExactly("token-a", "token-b");
    }

    @Test
    void shouldVerifyAgainWhenTheRememberedTokenHasExpired() {
        cacheAt(NOW).decode("token-a");
        VerifiedTokenCache later = new VerifiedTokenCache(verifying, clockAt(NOW.plus(Duration.ofMinutes(6))));
        later.decode("token-a");
        later.decode("token-a");

        assertThat(verifications).containsExactly("token-a", "token-a", "token-a");
    }

    @Test
    void shouldRefuseEveryTimeWhenTheDecoderRefusesTheToken() {
        VerifiedTokenCache cache = cacheAt(NOW);

        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("forged-1", "forged-1");
    }

    @Test
    void shouldNotRememberATokenWhenItHasNoExpiry() {
        expiresAt = null;
        VerifiedTokenCache cache = cacheAt(NOW);

        cache.decode("token-a");
        cache.decode("token-a");

        assertThat(verifications).hasSize(2);
    }

    private VerifiedTokenCache cacheAt(Instant instant) {
        return new VerifiedTokenCache(verifying, clockAt(instant));
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
