package it.osservatorio.registry.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Organisations already in the database when the service starts are searchable at once; deleted ones are not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationSearchStartupIT {

    private static final String DATABASE = "registry_search_startup_it";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE);
        try (MongoClient client = MongoClients.create(LocalInfrastructure.mongoUri(DATABASE))) {
            var organisations = client.getDatabase(DATABASE).getCollection("organisations");
            organisations.drop();
            organisations.insertMany(List.of(
                    stored("org-startup-1", "Cascina Stored", false),
                    stored("org-startup-2", "Cascina Deleted", true)));
        }
    }

    @LocalServerPort
    int port;

    @Test
    void shouldFindStoredOrganisationsWhenServiceHasJustStarted() {
        HttpResponse<String> response = new HttpTestClient("http://localhost:" + port)
                .get("/organisations?name=cascina&owner=camera-commercio-cremona")
                .send();

        JsonNode items = JsonMapper.builder()
                .build()
                .readTree(response.body().getBytes(StandardCharsets.UTF_8))
                .path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("id").asString()).isEqualTo("org-startup-1");
        assertThat(items.get(0).path("legalName").asString()).isEqualTo("Cascina Stored");
    }

    private static Document stored(String id, String legalName, boolean deleted) {
        Date now = new Date();
        return new Document("_id", id)
                .append("version", 1L)
                .append("ownerInstitutionId", "camera-commercio-cremona")
                .append("legalName", legalName)
                .append("type", "IMPRESA")
                .append("sizeClass", "MICRO")
                .append("partitaIva", OrganisationRequestFixture.nextPartitaIva())
                .append("atecoCode", "01.41")
                .append(
                        "address",
                        new Document("street", "Via Po 1")
                                .append("comune", "Cremona")
                                .append("comuneIstat", "019036")
                                .append("province", "CR")
                                .append("region", "Lombardia"))
                .append("ecosystems", List.of("Nutrizione"))
                .append("synthetic", false)
                .append("createdAt", now)
                .append("updatedAt", now)
                .append("deleted", deleted)
                .append("pendingEvents", List.of());
    }
}
