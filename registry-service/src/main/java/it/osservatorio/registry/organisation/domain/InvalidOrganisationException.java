package it.osservatorio.registry.organisation.domain;

import java.util.List;

public class InvalidOrganisationException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidOrganisationException(List<Violation> violations) {
        super("Invalid organisation: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
