package it.osservatorio.platform.web;

import java.util.List;

/** Input that failed a rule checked outside bean validation; answered as 400 naming each field. */
public class InvalidFieldException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidFieldException(List<FieldProblem> problems) {
        super("Invalid input: " + problems);
        this.problems = List.copyOf(problems);
    }

    public InvalidFieldException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
