package it.osservatorio.indicators.memberstatistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.contracts.registry.OrganisationChanged.Address;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import it.osservatorio.indicators.RunningIndicatorsService;
import it.osservatorio.testing.HttpTestClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MemberStatisticsIT extends RunningIndicatorsService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HttpTestClient http;

    @BeforeEach
    void connect() {
        http = new HttpTestClient("http://localhost:" + port);
    }

    @Test
    void shouldCountMembersPerTypeWhenOrganisationsAreRegisteredChangedAndDeleted() {
        Counts before = counts("");
        String company = "org-" + UUID.randomUUID();
        String university = "org-" + UUID.randomUUID();

        registry.publish(member(company, 1, OrganisationType.IMPRESA));
        registry.publish(member(university, 1, OrganisationType.ORGANISMO_DI_RICERCA));
        await().atMost(Duration.ofSeconds(30)).until(() -> counts("").total() == before.total() + 2);
        Counts registered = counts("");
        assertThat(registered.of(OrganisationType.IMPRESA)).isEqualTo(before.of(OrganisationType.IMPRESA) + 1);
        assertThat(registered.of(OrganisationType.ORGANISMO_DI_RICERCA))
                .isEqualTo(before.of(OrganisationType.ORGANISMO_DI_RICERCA) + 1);

        registry.publish(member(company, 2, OrganisationType.ALTRO_ENTE));
        registry.publish(registry.codec().tombstone(EventType.ORGANISATION_DELETED, university, 2, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> counts("").total() == before.total() + 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counts("").of(OrganisationType.ALTRO_ENTE) == before.of(OrganisationType.ALTRO_ENTE) + 1);
        Counts changed = counts("");
        assertThat(changed.of(OrganisationType.IMPRESA)).isEqualTo(before.of(OrganisationType.IMPRESA));
        assertThat(changed.of(OrganisationType.ORGANISMO_DI_RICERCA))
                .isEqualTo(before.of(OrganisationType.ORGANISMO_DI_RICERCA));
    }

    @Test
    void shouldCountOnlyTheProvinceWhenAProvinceIsGiven() {
        Counts cremona = counts("?province=cr");
        Counts milano = counts("?province=MI");
        OrganisationChanged inCremona = member("org-" + UUID.randomUUID(), 1, OrganisationType.IMPRESA);
        OrganisationChanged inMilano =
                inProvince(member("org-" + UUID.randomUUID(), 1, OrganisationType.ORGANISMO_DI_RICERCA), "MI");

        registry.publish(inCremona);
        registry.publish(inMilano);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> counts("?province=MI").total() == milano.total() + 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counts("?province=CR").total() == cremona.total() + 1);
        Counts milanoAfter = counts("?province=MI");
        assertThat(milanoAfter.json().path("province").asString()).isEqualTo("MI");
        assertThat(milanoAfter.of(OrganisationType.ORGANISMO_DI_RICERCA))
                .isEqualTo(milano.of(OrganisationType.ORGANISMO_DI_RICERCA) + 1);
        assertThat(counts("?province=CR").of(OrganisationType.ORGANISMO_DI_RICERCA))
                .isEqualTo(cremona.of(OrganisationType.ORGANISMO_DI_RICERCA));
    }

    @Test
    void shouldAnswerProblemNamingTheFieldWhenProvinceIsNotATwoLetterCode() {
        HttpResponse<String> response =
                http.get("/statistics/members?province=Cremona").send();

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("errors").path(0);
        assertThat(error.path("field").asString()).isEqualTo("province");
        assertThat(error.path("message").asString()).contains("two-letter province code");
    }

    private static OrganisationChanged member(String id, long version, OrganisationType type) {
        return EventFixture.organisationChanged()
                .organisationId(id)
                .version(version)
                .type(type)
                .build();
    }

    private static OrganisationChanged inProvince(OrganisationChanged o, String province) {
        Address address = new Address(o.address().street(), "Milano", "015146", province, "Lombardia");
        return new OrganisationChanged(
                o.organisationId(),
                o.version(),
                o.change(),
                o.ownerInstitutionId(),
                o.legalName(),
                o.type(),
                o.sizeClass(),
                o.category(),
                o.partitaIva(),
                o.codiceFiscale(),
                o.atecoCode(),
                address,
                o.website(),
                o.ecosystems(),
                o.externalId(),
                o.synthetic(),
                o.changedAt());
    }

    private Counts counts(String query) {
        HttpResponse<String> response = http.get("/statistics/members" + query).send();
        assertThat(response.statusCode()).isEqualTo(200);
        return new Counts(JSON.readTree(response.body()));
    }

    private record Counts(JsonNode json) {
        long total() {
            return json.path("total").asLong();
        }

        long of(OrganisationType type) {
            return json.path("byType").path(type.name()).asLong(-1);
        }
    }
}
