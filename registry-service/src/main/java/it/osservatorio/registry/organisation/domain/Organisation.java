package it.osservatorio.registry.organisation.domain;

import java.time.Instant;

/**
 * A member of the ecosystem, owned by the institution that registered it. Every change increases the version by
 * one; consumers of its events use the version to apply each state once.
 */
public record Organisation(
        String id,
        long version,
        String ownerInstitutionId,
        OrganisationDetails details,
        Instant createdAt,
        Instant updatedAt) {

    public static Organisation register(
            String id, String ownerInstitutionId, OrganisationDetails details, Instant now) {
        return new Organisation(id, 1, ownerInstitutionId, details.validate(), now, now);
    }

    public Organisation update(OrganisationDetails newDetails, Instant now) {
        return new Organisation(id, version + 1, ownerInstitutionId, newDetails.validate(), createdAt, now);
    }

    public boolean isOwnedBy(String institutionId) {
        return ownerInstitutionId.equals(institutionId);
    }
}
