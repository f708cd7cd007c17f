package it.osservatorio.projects.call.domain;

/** Follows from the dates: forthcoming before the opening time, open until the deadline, closed from it. */
public enum CallStatus {
    FORTHCOMING,
    OPEN,
    CLOSED
}
