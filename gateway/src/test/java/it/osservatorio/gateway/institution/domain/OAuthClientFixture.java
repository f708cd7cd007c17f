package it.osservatorio.gateway.institution.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Builds OAuth2 clients in a given state: active, revoked, rotated with an expiry. */
final class OAuthClientFixture {

    static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");

    private Set<Scope> scopes = EnumSet.of(Scope.READ, Scope.WRITE);
    private Instant revokedAt;
    private Instant expiresAt;

    static OAuthClientFixture aClient() {
        return new OAuthClientFixture();
    }

    OAuthClientFixture withScopes(Scope... values) {
        scopes = Set.of(values);
        return this;
    }

    OAuthClientFixture revokedAt(Instant instant) {
        revokedAt = instant;
        return this;
    }

    OAuthClientFixture expiringAt(Instant instant) {
        expiresAt = instant;
        return this;
    }

    OAuthClient build() {
        return new OAuthClient("oc_fixture", ApiKeys.hash("ocs_secret"), scopes, CREATED, revokedAt, expiresAt, null);
    }
}
