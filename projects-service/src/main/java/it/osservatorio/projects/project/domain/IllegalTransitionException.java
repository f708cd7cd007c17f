package it.osservatorio.projects.project.domain;

import java.util.List;
import java.util.Set;

/** A status change the lifecycle does not allow; answered as 409 listing the allowed ones. */
public class IllegalTransitionException extends RuntimeException {

    private final ProjectStatus from;
    private final ProjectStatus to;

    public IllegalTransitionException(String projectId, ProjectStatus from, ProjectStatus to) {
        super("Project '" + projectId + "' is " + from + " and cannot become " + to + "; "
                + (from.isFinal() ? from + " is final, no change is allowed" : "allowed: " + names(from.next())));
        this.from = from;
        this.to = to;
    }

    public ProjectStatus from() {
        return from;
    }

    public ProjectStatus to() {
        return to;
    }

    public List<ProjectStatus> allowed() {
        return List.copyOf(from.next());
    }

    private static String names(Set<ProjectStatus> statuses) {
        return String.join(", ", statuses.stream().map(Enum::name).toList());
    }

    /** A revoked or withdrawn project takes no more expenditure; answered as 409. */
    public static class ClosedProject extends RuntimeException {

        public ClosedProject(String projectId, ProjectStatus status) {
            super("Project '" + projectId + "' is " + status + "; no expenditure can be recorded on it");
        }
    }

    /** An Italian-funded project cannot be approved (or go further) without its CUP; answered as 409. */
    public static class MissingCup extends RuntimeException {

        public MissingCup(String projectId, ProgrammeKind programme, ProjectStatus to) {
            super("Project '" + projectId + "' has no CUP and cannot become " + to + ": a " + programme
                    + " project needs its Codice Unico di Progetto once funded; add it with PUT /projects/" + projectId
                    + " first");
        }
    }
}
