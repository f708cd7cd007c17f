package it.osservatorio.gateway.security;

import it.osservatorio.gateway.GatewayProperties;
import it.osservatorio.gateway.institution.adapter.InstitutionService;
import it.osservatorio.gateway.oauth.AccessTokenAuthenticator;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.request.async.WebAsyncManagerIntegrationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Published data is readable without a key; every write under {@code /api/} needs an institution's key; the
 * administration of institutions needs the admin scope. Ownership is checked again by each service.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurityConfiguration {

    @Bean
    SecurityFilterChain gatewaySecurity(
            HttpSecurity http,
            InstitutionService institutions,
            AccessTokenAuthenticator accessTokens,
            GatewayProperties properties)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsSource(properties.cors())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RequestIdFilter(), WebAsyncManagerIntegrationFilter.class)
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(
                                institutions,
                                accessTokens,
                                properties.adminKey(),
                                new RateLimiter(properties.rateLimit())),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/admin/**")
                        .hasAuthority("SCOPE_admin")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // a person subscribes by e-mail without a key: double opt-in confirms the address, and
                        // every mail's unsubscribe link (or List-Unsubscribe one-click POST) deletes it
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/notifications/email-subscriptions",
                                "/api/notifications/email-subscriptions/unsubscribe")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAuthority("SCOPE_admin")
                        .anyRequest()
                        .hasAnyAuthority("SCOPE_write", "SCOPE_admin"))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint((request, response, ex) -> GatewayProblems.write(
                                        response,
                                        401,
                                        "Unauthorized",
                                        "This operation needs an institution's API key or OAuth2 access"
                                                + " token: send it as 'Authorization: Bearer ...' (or the key as"
                                                + " 'X-API-Key')"))
                                .accessDeniedHandler((request, response, ex) -> GatewayProblems.write(
                                        response,
                                        403,
                                        "Forbidden",
                                        "Your API key's or access token's scopes do not allow this operation")));
        return http.build();
    }

    /** Cross-origin calls only from the configured origins; none by default (the dashboard is same-origin). */
    static CorsConfigurationSource corsSource(GatewayProperties.Cors settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.allowedOrigins().isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(settings.allowedOrigins());
            cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of(
                    "Authorization",
                    "X-API-Key",
                    "Content-Type",
                    "If-Match",
                    "If-None-Match",
                    "Last-Event-ID",
                    RequestIdFilter.HEADER));
            cors.setExposedHeaders(List.of(
                    "ETag",
                    "Location",
                    "Retry-After",
                    "RateLimit-Limit",
                    "RateLimit-Remaining",
                    RequestIdFilter.HEADER));
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/**", cors);
        }
        return source;
    }
}
