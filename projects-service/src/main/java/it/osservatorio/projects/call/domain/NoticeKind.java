package it.osservatorio.projects.call.domain;

/** The notices the scheduler publishes about a call, in the order they fall due. */
public enum NoticeKind {
    OPENED,
    CLOSING_SOON,
    CLOSED
}
