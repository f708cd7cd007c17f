package it.osservatorio.projects.project.domain;

/** Cost categories of a project's expenditure, as in the reporting of cohesion programmes. */
public enum ExpenditureCategory {
    PERSONALE,
    ATTREZZATURE,
    MATERIALI,
    SERVIZI,
    CONSULENZE,
    OPERE,
    VIAGGI,
    SPESE_GENERALI,
    ALTRO
}
