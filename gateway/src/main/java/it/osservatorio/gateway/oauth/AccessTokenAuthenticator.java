package it.osservatorio.gateway.oauth;

import it.osservatorio.gateway.institution.adapter.InstitutionService;
import it.osservatorio.gateway.institution.domain.InstitutionPrincipal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Resolves an access token from {@code POST /oauth2/token} to the institution it acts for, as an API key is resolved:
 * the signature (the gateway's OAuth2 signing key) and expiry are checked, then the token's client must still exist,
 * belong to the institution written in the token and be active, so that revoking a client stops its tokens at once.
 */
@Component
public class AccessTokenAuthenticator {

    /** An authenticated access token: the institution and the client whose rate limit it counts against. */
    public record Authenticated(InstitutionPrincipal principal, String clientId) {}

    private final NimbusJwtDecoder decoder;
    private final InstitutionService institutions;

    AccessTokenAuthenticator(OAuthSigningKey signingKey, InstitutionService institutions) {
        this.institutions = institutions;
        this.decoder = NimbusJwtDecoder.withPublicKey(signingKey.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        this.decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefault(),
                new JwtClaimValidator<String>(
                        AuthorizationServerConfiguration.INSTITUTION_CLAIM, value -> value != null && !value.isBlank()),
                new JwtClaimValidator<String>(
                        AuthorizationServerConfiguration.CLIENT_ID_CLAIM, value -> value != null && !value.isBlank())));
    }

    /** Whether a bearer value has the shape of a JWT (three dot-separated parts), not of an API key. */
    public static boolean looksLikeJwt(String bearer) {
        return bearer.chars().filter(c -> c == '.').count() == 2;
    }

    public Optional<Authenticated> authenticate(String token) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            return Optional.empty();
        }
        String clientId = jwt.getClaimAsString(AuthorizationServerConfiguration.CLIENT_ID_CLAIM);
        return institutions
                .authenticateClient(
                        clientId, jwt.getClaimAsString(AuthorizationServerConfiguration.INSTITUTION_CLAIM), scopes(jwt))
                .map(principal -> new Authenticated(principal, clientId));
    }

    private static Set<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaim("scope");
        Collection<?> values = scope instanceof Collection<?> list
                ? list
                : scope instanceof String text ? List.of(text.split(" ")) : List.of();
        return values.stream().map(String::valueOf).collect(Collectors.toSet());
    }
}
