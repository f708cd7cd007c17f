package it.osservatorio.registry.network.domain;

import java.time.Instant;

/** A cluster or filiera, owned by the institution that registered it; every change increases the version by one. */
public record Network(
        String id,
        NetworkKind kind,
        long version,
        String ownerInstitutionId,
        NetworkDetails details,
        Instant createdAt,
        Instant updatedAt) {

    public static Network register(
            String id, NetworkKind kind, String ownerInstitutionId, NetworkDetails details, Instant now) {
        return new Network(id, kind, 1, ownerInstitutionId, details.validate(kind), now, now);
    }

    public Network update(NetworkDetails newDetails, Instant now) {
        return new Network(id, kind, version + 1, ownerInstitutionId, newDetails.validate(kind), createdAt, now);
    }
}
