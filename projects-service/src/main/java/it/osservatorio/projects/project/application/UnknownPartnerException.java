package it.osservatorio.projects.project.application;

import java.util.List;

/**
 * Partners that are not organisations of the registry (as replicated here); answered as 422 naming each one, since
 * the request is well-formed but refers to what does not exist.
 */
public class UnknownPartnerException extends RuntimeException {

    /** @param unknown each unknown organisation id with the request field that names it */
    public UnknownPartnerException(List<Unknown> unknown) {
        super(
                unknown.size() == 1
                        ? "Organisation '" + unknown.getFirst().organisationId()
                                + "' is not in the registry; register it there" + " first, or check the id"
                        : "Organisations "
                                + unknown.stream()
                                        .map(u -> "'" + u.organisationId() + "'")
                                        .toList()
                                + " are not in the registry; register them there first, or check the ids");
        this.unknown = List.copyOf(unknown);
    }

    private final List<Unknown> unknown;

    public List<Unknown> unknown() {
        return unknown;
    }

    public record Unknown(String field, String organisationId) {}
}
