package it.osservatorio.indicators.values.domain;

/** One invalid field of a submission and what to do about it. */
public record Problem(String field, String message) {}
