package it.osservatorio.platform.security;

import it.osservatorio.contracts.ServiceIdentity;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The institution on whose behalf the gateway forwarded this request, read from the verified token. */
public record CallerIdentity(String institutionId, String institutionName, Set<String> scopes) {

    public CallerIdentity {
        scopes = Set.copyOf(scopes);
    }

    public static Optional<CallerIdentity> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    /** The caller of a write; the security filter chain already answered 401 when there is none. */
    public static CallerIdentity require() {
        return current().orElseThrow(() -> new OwnershipViolationException("This operation needs an institution"));
    }

    static CallerIdentity from(Jwt jwt) {
        String scope = jwt.getClaimAsString(ServiceIdentity.SCOPE_CLAIM);
        Set<String> scopes = scope == null
                ? Set.of()
                : Arrays.stream(scope.split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
        return new CallerIdentity(
                jwt.getSubject(), jwt.getClaimAsString(ServiceIdentity.INSTITUTION_NAME_CLAIM), scopes);
    }

    public boolean isAdmin() {
        return scopes.contains(ServiceIdentity.SCOPE_ADMIN);
    }

    public boolean mayWrite(String ownerInstitutionId) {
        return isAdmin() || (scopes.contains(ServiceIdentity.SCOPE_WRITE) && institutionId.equals(ownerInstitutionId));
    }

    /** Throws 403 unless the caller owns the resource (or is an admin). */
    public void requireWriteAccess(String ownerInstitutionId, String resourceDescription) {
        if (!mayWrite(ownerInstitutionId)) {
            throw new OwnershipViolationException(resourceDescription + " belongs to institution '" + ownerInstitutionId
                    + "'; institution '" + institutionId + "' may not change it");
        }
    }

    public void requireAdmin(String operation) {
        if (!isAdmin()) {
            throw new OwnershipViolationException(operation + " needs the admin scope");
        }
    }
}
