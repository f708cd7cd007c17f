package it.osservatorio.registry.organisation.domain;

/** The finer kind of a research organisation or other body, each belonging to one {@link OrganisationType}. */
public enum OrganisationCategory {
    UNIVERSITA(OrganisationType.ORGANISMO_DI_RICERCA),
    CENTRO_DI_RICERCA(OrganisationType.ORGANISMO_DI_RICERCA),
    ASSOCIAZIONE(OrganisationType.ALTRO_ENTE),
    ENTE_PUBBLICO(OrganisationType.ALTRO_ENTE),
    CAMERA_DI_COMMERCIO(OrganisationType.ALTRO_ENTE),
    FONDAZIONE(OrganisationType.ALTRO_ENTE),
    CONSORZIO(OrganisationType.ALTRO_ENTE),
    ENTE_DI_FORMAZIONE(OrganisationType.ALTRO_ENTE),
    ALTRO(OrganisationType.ALTRO_ENTE);

    private final OrganisationType type;

    OrganisationCategory(OrganisationType type) {
        this.type = type;
    }

    public OrganisationType type() {
        return type;
    }
}
