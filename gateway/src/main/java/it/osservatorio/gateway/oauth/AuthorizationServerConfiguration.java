package it.osservatorio.gateway.oauth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import it.osservatorio.gateway.GatewayProperties;
import it.osservatorio.gateway.institution.adapter.InstitutionService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Authorization Server embedded in the gateway, for one thing: institutions' systems obtain an access token
 * with the client credentials grant at {@code POST /oauth2/token} (secret as HTTP Basic or in the form) and verify it
 * with {@code GET /oauth2/jwks}. Its endpoints have their own filter chain, ahead of the gateway's; their errors are
 * the RFC 6749 JSON errors ({@code invalid_client}, {@code unsupported_grant_type}, ...).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    /** The institution an access token acts for. */
    static final String INSTITUTION_CLAIM = "institution_id";

    static final String CLIENT_ID_CLAIM = "client_id";

    @Bean
    OAuthSigningKey oauthSigningKey(GatewayProperties properties) {
        return OAuthSigningKey.inFile(properties.oauth().signingKeyFile());
    }

    @Bean
    JWKSource<SecurityContext> oauthJwkSource(OAuthSigningKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey.jwk()));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerSecurity(
            HttpSecurity http,
            InstitutionService institutions,
            GatewayProperties properties,
            JWKSource<SecurityContext> oauthJwkSource)
            throws Exception {
        var clients =
                new InstitutionClientRepository(institutions, properties.oauth().accessTokenLifetime());
        var server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, authorizationServer -> authorizationServer
                        .registeredClientRepository(clients)
                        .authorizationService(new SelfContainedTokens())
                        .authorizationServerSettings(
                                AuthorizationServerSettings.builder().build())
                        .tokenGenerator(tokenGenerator(oauthJwkSource))
                        .clientAuthentication(authentication ->
                                authentication.authenticationProviders(providers -> providers.forEach(provider -> {
                                    if (provider instanceof ClientSecretAuthenticationProvider secrets) {
                                        secrets.setPasswordEncoder(new ClientSecretHashes());
                                    }
                                })))
                        .tokenEndpoint(token -> token.accessTokenRequestConverters(converters -> converters.replaceAll(
                                converter -> converter instanceof OAuth2ClientCredentialsAuthenticationConverter
                                        ? new DefaultScopesConverter(converter)
                                        : converter))))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
                    var out = new ServletServerHttpResponse(response);
                    out.setStatusCode(HttpStatus.UNAUTHORIZED);
                    out.getHeaders().set("WWW-Authenticate", "Basic realm=\"osservatorio\"");
                    new OAuth2ErrorHttpMessageConverter()
                            .write(
                                    new OAuth2Error(
                                            OAuth2ErrorCodes.INVALID_CLIENT,
                                            "Authenticate the client: send client_id and client_secret as HTTP"
                                                    + " Basic or as form parameters, with"
                                                    + " grant_type=client_credentials",
                                            null),
                                    null,
                                    out);
                }));
        return http.build();
    }

    private static DelegatingOAuth2TokenGenerator tokenGenerator(JWKSource<SecurityContext> jwkSource) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwt.setJwtCustomizer(context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                var client = context.getRegisteredClient();
                context.getClaims()
                        .claim(
                                INSTITUTION_CLAIM,
                                client.getClientSettings()
                                        .<String>getSetting(InstitutionClientRepository.INSTITUTION_SETTING))
                        .claim(CLIENT_ID_CLAIM, client.getClientId());
            }
        });
        return new DelegatingOAuth2TokenGenerator(jwt);
    }
}
