package it.osservatorio.projects.validation;

import java.util.List;

/** Input that breaks one or more rules; each violation names its field and how to fix it (a 400 problem). */
public class InvalidDetailsException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidDetailsException(List<Violation> violations) {
        super("Invalid input: " + violations);
        this.violations = List.copyOf(violations);
    }

    public InvalidDetailsException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
