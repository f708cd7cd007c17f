package it.osservatorio.projects.project.application;

import java.util.List;

/**
 * A project refers to what does not exist: a partner that is not an organisation of the registry (as replicated
 * here) or a call that was not published here. Answered as 422 naming each one, since the request is well-formed.
 */
public class UnknownReferenceException extends RuntimeException {

    private final List<Unknown> unknown;

    public UnknownReferenceException(List<Unknown> unknown) {
        super(String.join("; ", unknown.stream().map(Unknown::message).toList()));
        this.unknown = List.copyOf(unknown);
    }

    public List<Unknown> unknown() {
        return unknown;
    }

    /** @param field the request field naming it, @param id what it names, @param message what to do */
    public record Unknown(String field, String id, String message) {

        static Unknown organisation(String field, String id) {
            return new Unknown(
                    field,
                    id,
                    "Organisation '" + id + "' is not in the registry; register it there first, or check the id");
        }

        static Unknown call(String id) {
            return new Unknown(
                    "callId", id, "Call '" + id + "' does not exist; publish it under /calls first, or check the id");
        }
    }
}
