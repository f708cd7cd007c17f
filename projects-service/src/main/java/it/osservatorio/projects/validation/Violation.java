package it.osservatorio.projects.validation;

/** A broken rule on one field, with what the user must do to fix it. */
public record Violation(String field, String message) {}
