package it.osservatorio.gateway.security;

import it.osservatorio.gateway.institution.adapter.InstitutionService;
import it.osservatorio.gateway.institution.domain.ApiKeys;
import it.osservatorio.gateway.institution.domain.InstitutionPrincipal;
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
 * Authenticates the institution from {@code Authorization: Bearer oss_...} or {@code X-API-Key}. A request without a
 * key stays anonymous (public reads); a key that is unknown, malformed or revoked is refused with 401 at once. A
 * valid institution's key past its rate limit is refused with 429 and {@code Retry-After}.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";

    private final InstitutionService institutions;
    private final String adminKeyHash;
    private final RateLimiter rateLimiter;

    public ApiKeyAuthenticationFilter(InstitutionService institutions, String adminKey, RateLimiter rateLimiter) {
        this.institutions = institutions;
        this.adminKeyHash = ApiKeys.hash(adminKey);
        this.rateLimiter = rateLimiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isPresent()) {
            Optional<InstitutionPrincipal> principal = authenticate(presented.get());
            if (principal.isEmpty()) {
                GatewayProblems.write(
                        response,
                        401,
                        "Unauthorized",
                        "The API key is unknown, malformed or revoked; ask the platform administrator for a new one");
                return;
            }
            if (!InstitutionPrincipal.ADMIN_ID.equals(principal.get().institutionId())) {
                String keyId = ApiKeys.parse(presented.get())
                        .map(ApiKeys.Parsed::keyId)
                        .orElse(principal.get().institutionId());
                RateLimiter.Decision decision = rateLimiter.tryConsume(keyId);
                if (!decision.allowed()) {
                    response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                    response.setHeader("RateLimit-Limit", Long.toString(rateLimiter.capacity()));
                    response.setHeader("RateLimit-Remaining", "0");
                    GatewayProblems.write(
                            response,
                            429,
                            "Too Many Requests",
                            "This API key made more requests than its rate limit allows; retry after "
                                    + decision.retryAfterSeconds() + " s");
                    return;
                }
                response.setHeader("RateLimit-Limit", Long.toString(rateLimiter.capacity()));
                response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
            }
            SecurityContextHolder.getContext().setAuthentication(new InstitutionAuthentication(principal.get()));
        }
        chain.doFilter(request, response);
    }

    private Optional<InstitutionPrincipal> authenticate(String key) {
        if (MessageDigest.isEqual(
                ApiKeys.hash(key).getBytes(StandardCharsets.US_ASCII),
                adminKeyHash.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(InstitutionPrincipal.administrator());
        }
        return institutions.authenticate(key);
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
