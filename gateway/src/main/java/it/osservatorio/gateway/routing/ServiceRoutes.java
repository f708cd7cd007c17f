package it.osservatorio.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import it.osservatorio.gateway.GatewayProperties;
import it.osservatorio.gateway.identity.IdentityTokenIssuer;
import it.osservatorio.gateway.security.ApiKeyAuthenticationFilter;
import it.osservatorio.gateway.security.InstitutionAuthentication;
import it.osservatorio.gateway.security.RequestIdFilter;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Function;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code /api/<service>/**} goes to that service without the prefix, carrying the caller's identity as a token the
 * gateway signs instead of the API key. A service that is down or slow answers as a problem, never a hang.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** Apache HttpClient's default pool allows 5 connections per service, too few for hundreds of requests/s. */
    @Bean
    ClientHttpRequestFactoryBuilder<?> serviceClientFactoryBuilder(GatewayProperties properties) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(
                        pool -> pool.setMaxConnPerRoute(properties.services().connectionsPerService())
                                .setMaxConnTotal(3 * properties.services().connectionsPerService()));
    }

    @Bean
    RouterFunction<ServerResponse> serviceRouterFunction(GatewayProperties properties, IdentityTokenIssuer issuer) {
        return serviceRoute("registry", properties.services().registry(), issuer)
                .and(serviceRoute("projects", properties.services().projects(), issuer))
                .and(serviceRoute("indicators", properties.services().indicators(), issuer))
                .and(serviceRoute("notifications", properties.services().notifications(), issuer));
    }

    private static RouterFunction<ServerResponse> serviceRoute(String service, URI target, IdentityTokenIssuer issuer) {
        return route(service)
                .route(path("/api/" + service + "/**"), http())
                .before(uri(target))
                .before(stripPrefix(2))
                .before(forwardIdentity(issuer))
                .filter(unavailableAsProblem(service))
                .build();
    }

    static Function<ServerRequest, ServerRequest> forwardIdentity(IdentityTokenIssuer issuer) {
        return request -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return ServerRequest.from(request)
                    .headers(headers -> {
                        headers.remove(HttpHeaders.AUTHORIZATION);
                        headers.remove(ApiKeyAuthenticationFilter.API_KEY_HEADER);
                        String requestId = RequestIdFilter.current(request.servletRequest());
                        if (requestId != null) {
                            headers.set(RequestIdFilter.HEADER, requestId);
                        }
                        if (authentication instanceof InstitutionAuthentication institution) {
                            headers.setBearerAuth(issuer.issue(institution.getPrincipal()));
                        }
                    })
                    .build();
        };
    }

    private static HandlerFilterFunction<ServerResponse, ServerResponse> unavailableAsProblem(String service) {
        return (request, next) -> {
            try {
                return next.handle(request);
            } catch (Exception e) {
                boolean refused = causedBy(e, ConnectException.class)
                        || causedBy(e, ConnectTimeoutException.class)
                        || causedBy(e, HttpConnectTimeoutException.class);
                boolean timeout = !refused
                        && (causedBy(e, SocketTimeoutException.class) || causedBy(e, HttpTimeoutException.class));
                HttpStatus status = refused
                        ? HttpStatus.SERVICE_UNAVAILABLE
                        : timeout ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                        status,
                        "The " + service + " service "
                                + (timeout ? "did not answer in time" : "cannot be reached right now")
                                + "; try again shortly");
                problem.setTitle(service + " service unavailable");
                return ServerResponse.status(status)
                        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
        };
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
