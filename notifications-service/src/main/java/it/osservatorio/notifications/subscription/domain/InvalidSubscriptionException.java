package it.osservatorio.notifications.subscription.domain;

import java.util.List;

/** A subscription that cannot be accepted, with every field to fix. */
public class InvalidSubscriptionException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidSubscriptionException(List<Violation> violations) {
        super(violations.size() + " invalid field(s): " + violations);
        this.violations = List.copyOf(violations);
    }

    public InvalidSubscriptionException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
