package it.osservatorio.gateway.security;

import it.osservatorio.gateway.institution.domain.InstitutionPrincipal;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an institution's API key; authorities are SCOPE_read, SCOPE_write, SCOPE_admin. */
public class InstitutionAuthentication extends AbstractAuthenticationToken {

    private final InstitutionPrincipal principal;

    public InstitutionAuthentication(InstitutionPrincipal principal) {
        super(principal.scopes().stream()
                .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.claim()))
                .collect(Collectors.toSet()));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public InstitutionPrincipal getPrincipal() {
        return principal;
    }
}
