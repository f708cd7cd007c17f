package it.osservatorio.gateway.institution.domain;

import static it.osservatorio.gateway.institution.domain.OAuthClientFixture.CREATED;
import static it.osservatorio.gateway.institution.domain.OAuthClientFixture.aClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OAuthClientTest {

    static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");

    @Test
    void shouldKeepOnlySecretsHashWhenClientIsRegistered() {
        OAuthClient.Registered registered = OAuthClient.register(Set.of(Scope.READ), NOW);
        OAuthClient.Registered other = OAuthClient.register(Set.of(Scope.READ), NOW);

        assertThat(registered.client().clientId()).startsWith("oc_").matches("oc_[A-Za-z0-9-]{12}");
        assertThat(registered.clientSecret()).startsWith("ocs_").hasSizeGreaterThan(40);
        assertThat(registered.client().secretHash())
                .isEqualTo(ApiKeys.hash(registered.clientSecret()))
                .doesNotContain(registered.clientSecret());
        assertThat(registered.client().secretMatches(registered.clientSecret())).isTrue();
        assertThat(registered.client().secretMatches(other.clientSecret())).isFalse();
        assertThat(registered.client().secretMatches(null)).isFalse();
        assertThat(other.client().clientId()).isNotEqualTo(registered.client().clientId());
        assertThat(registered.client().activeAt(NOW)).isTrue();
    }

    @Test
    void shouldRefuseRegistrationWhenNoScopeIsGiven() {
        assertThatThrownBy(() -> OAuthClient.register(Set.of(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope");
    }

    @Test
    void shouldStopWorkingWhenRevokedOrPastRotationExpiry() {
        OAuthClient revoked = aClient().revokedAt(NOW.minusSeconds(1)).build();
        OAuthClient rotated = aClient().expiringAt(NOW.plusSeconds(60)).build();

        assertThat(revoked.activeAt(NOW)).isFalse();
        assertThat(rotated.activeAt(NOW)).isTrue();
        assertThat(rotated.activeAt(NOW.plusSeconds(60))).isFalse();
        assertThat(aClient().build().activeAt(NOW.plus(Duration.ofDays(3650)))).isTrue();
    }

    @Test
    void shouldNeverExtendExistingExpiryWhenRotatedAgain() {
        OAuthClient rotated = aClient().expiringAt(NOW.plusSeconds(600)).build();

        assertThat(rotated.expiryAfterRotation(NOW, Duration.ofDays(1))).isEqualTo(NOW.plusSeconds(600));
        assertThat(rotated.expiryAfterRotation(NOW, Duration.ofSeconds(60))).isEqualTo(NOW.plusSeconds(60));
        assertThat(aClient().build().expiryAfterRotation(NOW, Duration.ZERO)).isEqualTo(NOW);
        assertThatThrownBy(() -> aClient().revokedAt(CREATED).build().expiryAfterRotation(NOW, Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldGrantOnlyClientsScopesWhenTokenNamesMoreOrUnknownOnes() {
        OAuthClient readOnly = aClient().withScopes(Scope.READ).build();
        OAuthClient readWrite = aClient().withScopes(Scope.READ, Scope.WRITE).build();

        assertThat(readOnly.grantedBy(Set.of("read", "write", "admin"))).containsExactly(Scope.READ);
        assertThat(readWrite.grantedBy(Set.of("read"))).containsExactly(Scope.READ);
        assertThat(readWrite.grantedBy(Set.of("WRITE", "root"))).containsExactly(Scope.WRITE);
        assertThat(readWrite.grantedBy(Set.of())).isEmpty();
        assertThat(readWrite.scopeClaims()).containsExactlyInAnyOrder("read", "write");
    }
}
