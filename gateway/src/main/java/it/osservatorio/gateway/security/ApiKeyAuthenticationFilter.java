package it.osservatorio.gateway.security;

import it.osservatorio.gateway.institution.adapter.InstitutionService;
import it.osservatorio.gateway.institution.domain.ApiKeys;
import it.osservatorio.gateway.institution.domain.InstitutionPrincipal;
import it.osservatorio.gateway.oauth.AccessTokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the institution from {@code Authorization: Bearer oss_...} or {@code X-API-Key}, or from an OAuth2
 * access token ({@code Authorization: Bearer <JWT from POST /oauth2/token>}). A request without either stays
 * anonymous (public reads); a key or token that is unknown, malformed, expired or revoked is refused with 401 at
 * once. A valid institution's key or client past its rate limit is refused with 429 and {@code Retry-After}.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";

    private final InstitutionService institutions;
    private final String adminKeyHash;
    private final AccessTokenAuthenticator accessTokens;
    private final RateLimiter rateLimiter;

    public ApiKeyAuthenticationFilter(
            InstitutionService institutions,
            AccessTokenAuthenticator accessTokens,
            String adminKey,
            RateLimiter rateLimiter) {
        this.institutions = institutions;
        this.accessTokens = accessTokens;
        this.adminKeyHash = ApiKeys.hash(adminKey);
        this.rateLimiter = rateLimiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isPresent()) {
            boolean accessToken = !presented.get().startsWith("oss_")
                    && AccessTokenAuthenticator.looksLikeJwt(presented.get())
                    && !isAdminKey(presented.get());
            Optional<Caller> caller = accessToken ? fromAccessToken(presented.get()) : fromApiKey(presented.get());
            if (caller.isEmpty()) {
                GatewayProblems.write(
                        response,
                        401,
                        "Unauthorized",
                        accessToken
                                ? "The access token is invalid or expired, or its OAuth2 client was revoked; obtain a"
                                        + " new one from POST /oauth2/token"
                                : "The API key is unknown, malformed or revoked; ask the platform administrator for a"
                                        + " new one");
                return;
            }
            InstitutionPrincipal principal = caller.get().principal();
            if (caller.get().rateLimitKey() != null) {
                RateLimiter.Decision decision =
                        rateLimiter.tryConsume(caller.get().rateLimitKey());
                if (!decision.allowed()) {
                    response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                    response.setHeader("RateLimit-Limit", Long.toString(rateLimiter.capacity()));
                    response.setHeader("RateLimit-Remaining", "0");
                    GatewayProblems.write(
                            response,
                            429,
                            "Too Many Requests",
                            (accessToken ? "This OAuth2 client" : "This API key")
                                    + " made more requests than its rate limit allows; retry after "
                                    + decision.retryAfterSeconds() + " s");
                    return;
                }
                response.setHeader("RateLimit-Limit", Long.toString(rateLimiter.capacity()));
                response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
            }
            SecurityContextHolder.getContext().setAuthentication(new InstitutionAuthentication(principal));
        }
        chain.doFilter(request, response);
    }

    /** Who is calling, and the bucket its requests count against (none: the administrator is not limited). */
    private record Caller(InstitutionPrincipal principal, String rateLimitKey) {}

    private boolean isAdminKey(String key) {
        return MessageDigest.isEqual(
                ApiKeys.hash(key).getBytes(StandardCharsets.US_ASCII),
                adminKeyHash.getBytes(StandardCharsets.US_ASCII));
    }

    private Optional<Caller> fromApiKey(String key) {
        if (isAdminKey(key)) {
            return Optional.of(new Caller(InstitutionPrincipal.administrator(), null));
        }
        return institutions
                .authenticate(key)
                .map(principal -> new Caller(
                        principal, ApiKeys.parse(key).map(ApiKeys.Parsed::keyId).orElse(principal.institutionId())));
    }

    private Optional<Caller> fromAccessToken(String token) {
        return accessTokens
                .authenticate(token)
                .map(authenticated -> new Caller(authenticated.principal(), "client:" + authenticated.clientId()));
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.empty();
    }
}
