package it.osservatorio.indicators.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.registry.OrganisationChanged.OrganisationType;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestEventProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberStatisticsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "indicators_members_it");
        registry.add(
                "spring.cloud.stream.bindings.memberEvents-in-0.group", () -> "indicators-it-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Test
    void shouldCountMembersPerTypeWhenOrganisationsAreRegisteredChangedAndDeleted() {
        HttpTestClient http = new HttpTestClient("http://localhost:" + port);
        long before = total(http);
        String company = "org-" + UUID.randomUUID();
        String university = "org-" + UUID.randomUUID();
        try (TestEventProducer producer =
                new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "registry-service")) {
            producer.publish(
                    EventFixture.organisationChanged().organisationId(company).build());
            producer.publish(EventFixture.organisationChanged()
                    .organisationId(university)
                    .type(OrganisationType.ORGANISMO_DI_RICERCA)
                    .build());
            await().atMost(Duration.ofSeconds(30)).until(() -> total(http) == before + 2);

            producer.publish(EventFixture.organisationChanged()
                    .organisationId(company)
                    .version(2)
                    .type(OrganisationType.ALTRO_ENTE)
                    .build());
            producer.publish(producer.codec().tombstone(EventType.ORGANISATION_DELETED, university, 2, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> total(http) == before + 1);
        }
        JsonNode counts =
                JSON.readTree(http.get("/statistics/members?province=cr").send().body());
        assertThat(counts.path("province").asString()).isEqualTo("CR");
        assertThat(counts.path("byType").path("ALTRO_ENTE").asLong()).isGreaterThanOrEqualTo(1);
    }

    private static long total(HttpTestClient http) {
        return JSON.readTree(http.get("/statistics/members").send().body())
                .path("total")
                .asLong();
    }
}
