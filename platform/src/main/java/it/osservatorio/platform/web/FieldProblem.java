package it.osservatorio.platform.web;

/** One invalid field of a request and what the caller must do to fix it. */
public record FieldProblem(String field, String message) {}
