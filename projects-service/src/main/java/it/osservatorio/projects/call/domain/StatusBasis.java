package it.osservatorio.projects.call.domain;

/** Where a call's status comes from. */
public enum StatusBasis {
    /** Its opening time and/or deadline. */
    DATES,
    /** Its dates are not known: the status the source it was recorded from reports. */
    REPORTED,
    /** Its dates are not known and no status was reported: UNKNOWN. */
    NONE
}
