package it.osservatorio.notifications.subscription.domain;

/** One field of a request that breaks a rule, and what to do about it. */
public record Violation(String field, String message) {}
