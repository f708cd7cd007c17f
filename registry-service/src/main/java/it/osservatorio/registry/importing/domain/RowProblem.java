package it.osservatorio.registry.importing.domain;

/** What is wrong with one field of one row, with the same message as the API's validation. */
public record RowProblem(int row, String field, String message) {}
