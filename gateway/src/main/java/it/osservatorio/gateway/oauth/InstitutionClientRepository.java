package it.osservatorio.gateway.oauth;

import it.osservatorio.gateway.institution.adapter.InstitutionService;
import it.osservatorio.gateway.institution.adapter.InstitutionService.ClientOwner;
import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The institutions' OAuth2 clients as Spring Authorization Server sees them: read from the gateway's institution
 * store, client credentials only, secret sent as HTTP Basic or in the form. Revoked and expired clients are unknown.
 * Clients are registered through the administration API ({@code POST /api/admin/institutions/{id}/clients}), never
 * here.
 */
class InstitutionClientRepository implements RegisteredClientRepository {

    /** The institution a client belongs to, kept in the registered client's settings for the token customizer. */
    static final String INSTITUTION_SETTING = "osservatorio.institution-id";

    private final InstitutionService institutions;
    private final Duration accessTokenLifetime;

    InstitutionClientRepository(InstitutionService institutions, Duration accessTokenLifetime) {
        this.institutions = institutions;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException(
                "OAuth2 clients are registered with POST /api/admin/institutions/{id}/clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return institutions
                .findActiveClient(clientId)
                .map(this::toRegisteredClient)
                .orElse(null);
    }

    private RegisteredClient toRegisteredClient(ClientOwner owner) {
        var client = owner.client();
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(client.secretHash())
                .clientIdIssuedAt(client.createdAt())
                .clientSecretExpiresAt(client.expiresAt())
                .clientName(owner.institutionName())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopeClaims()))
                .clientSettings(ClientSettings.builder()
                        .setting(INSTITUTION_SETTING, owner.institutionId())
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(accessTokenLifetime)
                        .build())
                .build();
    }
}
