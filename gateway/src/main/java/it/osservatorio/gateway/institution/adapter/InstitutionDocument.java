package it.osservatorio.gateway.institution.adapter;

import it.osservatorio.gateway.institution.domain.OAuthClient;
import it.osservatorio.gateway.institution.domain.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An institution, its API keys and its OAuth2 clients; their secrets are stored only as hashes. */
@Document("institutions")
record InstitutionDocument(
        @Id String id, String name, Instant createdAt, List<StoredKey> keys, List<OAuthClient> clients) {

    InstitutionDocument {
        keys = keys == null ? List.of() : keys;
        // institutions stored before OAuth2 clients existed have none
        clients = clients == null ? List.of() : clients;
    }

    /**
     * @param expiresAt when a rotated key stops working (null: until revoked)
     * @param replacedBy the key that replaced this one by rotation
     */
    record StoredKey(
            String keyId,
            String secretHash,
            Set<Scope> scopes,
            Instant createdAt,
            Instant revokedAt,
            Instant expiresAt,
            String replacedBy) {

        boolean activeAt(Instant now) {
            return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
        }
    }
}
