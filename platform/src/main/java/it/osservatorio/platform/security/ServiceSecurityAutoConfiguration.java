package it.osservatorio.platform.security;

import it.osservatorio.contracts.ServiceIdentity;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server trusting only the gateway's signed identity: published data is readable
 * without a token, every write needs a valid token with the {@code write} (or {@code admin}) scope; ownership is
 * checked per resource with {@link CallerIdentity}. Paths listed in {@code osservatorio.security.public-write-paths}
 * accept writes without a token.
 */
@AutoConfiguration
@ConditionalOnProperty(
        prefix = "osservatorio.security.resource-server",
        name = "enabled",
        havingValue = "true",
        matchIfMissing = true)
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder gatewayIdentityDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location}") Resource publicKey)
            throws IOException {
        RSAPublicKey key;
        try (InputStream in = publicKey.getInputStream()) {
            key = RsaKeyConverters.x509().convert(in);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(ServiceIdentity.ISSUER),
                new JwtClaimValidator<java.util.List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(ServiceIdentity.AUDIENCE))));
        return new VerifiedTokenCache(decoder, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurityFilterChain(
            HttpSecurity http, @Value("${osservatorio.security.public-write-paths:}") String[] publicWritePaths)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    if (publicWritePaths.length > 0) {
                        // writes a service lets anyone make (e.g. a person's e-mail sign-up); a token sent there is
                        // still verified, so the caller is known when there is one
                        requests.requestMatchers(publicWritePaths).permitAll();
                    }
                    requests.requestMatchers(
                                    "/actuator/health/**",
                                    "/actuator/health",
                                    "/actuator/info",
                                    "/actuator/prometheus",
                                    "/v3/api-docs/**",
                                    "/swagger-ui/**",
                                    "/swagger-ui.html",
                                    "/error")
                            .permitAll()
                            .requestMatchers(HttpMethod.GET, "/**")
                            .permitAll()
                            .requestMatchers(HttpMethod.HEAD, "/**")
                            .permitAll()
                            .requestMatchers(HttpMethod.OPTIONS, "/**")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasAuthority("SCOPE_" + ServiceIdentity.SCOPE_ADMIN)
                            .anyRequest()
                            .hasAnyAuthority(
                                    "SCOPE_" + ServiceIdentity.SCOPE_WRITE, "SCOPE_" + ServiceIdentity.SCOPE_ADMIN);
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {})
                        .authenticationEntryPoint((request, response, ex) -> problem(
                                response,
                                401,
                                "Unauthorized",
                                "This operation needs a valid identity token from the gateway: " + ex.getMessage()))
                        .accessDeniedHandler((request, response, ex) ->
                                problem(response, 403, "Forbidden", "The token's scopes do not allow this operation")));
        return http.build();
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
