package it.osservatorio.gateway.oauth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client credentials request without {@code scope} gets every scope of its client (RFC 6749 section 3.3 lets the
 * server define a default); Spring Authorization Server would otherwise issue a token with no scope at all.
 */
class DefaultScopesConverter implements AuthenticationConverter {

    private final AuthenticationConverter delegate;

    DefaultScopesConverter(AuthenticationConverter delegate) {
        this.delegate = delegate;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = delegate.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken credentials
                && credentials.getScopes().isEmpty()
                && credentials.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && client.getRegisteredClient() != null) {
            return new OAuth2ClientCredentialsAuthenticationToken(
                    client, client.getRegisteredClient().getScopes(), credentials.getAdditionalParameters());
        }
        return converted;
    }
}
