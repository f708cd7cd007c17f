package it.osservatorio.registry.organisation.application;

import it.osservatorio.registry.organisation.domain.OrganisationType;

/** Search criteria; null means any. */
public record OrganisationFilter(OrganisationType type, String province) {}
