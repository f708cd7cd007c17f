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
 * key stays anonymous (public reads); a key that is unknown, malformed or revoked is refused with 401 at once.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String API_KEY_HEADER = "X-API-Key";

    private final InstitutionService institutions;
    private final String adminKeyHash;

    public ApiKeyAuthenticationFilter(InstitutionService institutions, String adminKey) {
        this.institutions = institutions;
        this.adminKeyHash = ApiKeys.hash(adminKey);
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
