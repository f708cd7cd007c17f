package it.osservatorio.projects.call.domain;

/**
 * Follows from the dates: forthcoming before the opening time, open until the deadline, closed from it. A call whose
 * dates are not known has the status its source reports (open or closed), or UNKNOWN: it is never taken for open.
 */
public enum CallStatus {
    FORTHCOMING,
    OPEN,
    CLOSED,
    UNKNOWN
}
