package it.osservatorio.projects.organisationreplica;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds a registry organisation in the local replica by what identifies it outside the registry: its {@code
 * externalId}, else its exact legal name (the demo data links partners this way).
 */
@Component
public class OrganisationReplicaLookup {

    private final MongoTemplate mongo;

    OrganisationReplicaLookup(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The registry id of the organisation with this externalId, else with exactly this legal name. */
    public Optional<String> organisationId(String externalId, String legalName) {
        Optional<String> byExternalId = externalId == null ? Optional.empty() : first("state.externalId", externalId);
        return byExternalId.isPresent() || legalName == null ? byExternalId : first("state.legalName", legalName);
    }

    private Optional<String> first(String field, String value) {
        Query query = new Query(where(field).is(value).and("deleted").ne(true)).limit(1);
        return mongo.find(query, Document.class, OrganisationReplicaConfiguration.COLLECTION).stream()
                .map(document -> document.getString("_id"))
                .findFirst();
    }
}
