package it.osservatorio.projects.project.domain;

/** Capofila, partner, associated partner (without budget of its own, usually). */
public enum PartnerRole {
    LEAD,
    PARTNER,
    ASSOCIATED
}
