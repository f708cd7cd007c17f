package it.osservatorio.gateway.institution.domain;

import java.util.Set;

/** The institution a request was authenticated as, and what its key allows. */
public record InstitutionPrincipal(String institutionId, String name, Set<Scope> scopes) {

    public static final String ADMIN_ID = "admin";

    public InstitutionPrincipal {
        scopes = Set.copyOf(scopes);
    }

    public static InstitutionPrincipal administrator() {
        return new InstitutionPrincipal(ADMIN_ID, "Platform administrator", Set.of(Scope.values()));
    }
}
