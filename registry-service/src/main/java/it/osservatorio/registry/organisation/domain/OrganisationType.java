package it.osservatorio.registry.organisation.domain;

/** The member categories of the cluster reports: imprese, organismi di ricerca, altri enti. */
public enum OrganisationType {
    IMPRESA,
    ORGANISMO_DI_RICERCA,
    ALTRO_ENTE
}
