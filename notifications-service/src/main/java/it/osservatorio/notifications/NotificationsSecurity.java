package it.osservatorio.notifications;

import it.osservatorio.contracts.ServiceIdentity;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The platform's rules (anonymous reads, writes need the gateway-signed identity with write scope) plus one
 * exception: a person subscribes by e-mail, and unsubscribes, without an API key. A token sent there is still
 * verified, so an institution subscribing an address is recorded as its owner.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain emailSubscriptionSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/email-subscriptions", "/email-subscriptions/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> {})
                        .authenticationEntryPoint((request, response, ex) -> problem(
                                response, 401, "Unauthorized", "The identity token is not valid: " + ex.getMessage())));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain serviceSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
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
                                "SCOPE_" + ServiceIdentity.SCOPE_WRITE, "SCOPE_" + ServiceIdentity.SCOPE_ADMIN))
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

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n\\t]", " ") + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
