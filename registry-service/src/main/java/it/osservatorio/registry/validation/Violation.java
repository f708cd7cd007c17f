package it.osservatorio.registry.validation;

/** A broken rule on one field, with what the user must do to fix it. */
public record Violation(String field, String message) {}
