package it.osservatorio.projects.project.domain;

import java.math.BigDecimal;

/** An organisation of the registry taking part in a project, with its share of the budget in EUR (may be unknown). */
public record Partner(String organisationId, PartnerRole role, BigDecimal budgetShare) {

    public Partner {
        organisationId = Texts.trim(organisationId);
    }
}
