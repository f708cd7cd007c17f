package it.osservatorio.indicators.computed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.EventFixture;
import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.indicators.IndicatorValueChanged;
import it.osservatorio.contracts.indicators.SeriesKey;
import it.osservatorio.contracts.projects.ProjectChanged;
import it.osservatorio.indicators.RunningIndicatorsService;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ComputedIndicatorsIT extends RunningIndicatorsService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private HttpTestClient http;

    @BeforeEach
    void connect() {
        http = new HttpTestClient("http://localhost:" + port);
    }

    @Test
    void shouldUpdateProjectsPerAxisAndPublishTheValueWhenProjectEventsArrive() {
        BigDecimal before = value("PRJ-COUNT-A5");
        String first = "prj-" + UUID.randomUUID();
        String second = "prj-" + UUID.randomUUID();

        registry.publish(project(first, 1, 5, ProjectChanged.ProjectStatus.ONGOING));
        registry.publish(project(second, 1, 5, ProjectChanged.ProjectStatus.APPROVED));
        await().atMost(WAIT).until(() -> value("PRJ-COUNT-A5").compareTo(before.add(BigDecimal.TWO)) == 0);

        registry.publish(project(second, 2, 5, ProjectChanged.ProjectStatus.WITHDRAWN));
        registry.publish(registry.codec().tombstone(EventType.PROJECT_DELETED, first, 2, Instant.now()));
        await().atMost(WAIT).until(() -> value("PRJ-COUNT-A5").compareTo(before) == 0);

        String key = SeriesKey.of("PRJ-COUNT-A5", String.valueOf(Year.now(ZoneId.of("Europe/Rome"))), "PROVINCE:CR");
        List<ReceivedEvent> events = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.INDICATOR_VALUES, key::equals, 1, WAIT);
        IndicatorValueChanged last =
                (IndicatorValueChanged) events.getLast().payload().orElseThrow();
        assertThat(last.kind()).isEqualTo(IndicatorValueChanged.Kind.COMPUTED);
        assertThat(last.axis()).isEqualTo(5);
        assertThat(last.institutionId()).isEqualTo("indicators-service");
    }

    @Test
    void shouldGiveTheSameDigestWhenTheReadModelIsWipedAndTheTopicsAreReplayedFromOffsetZero() {
        for (int i = 0; i < 20; i++) {
            registry.publish(project("prj-" + UUID.randomUUID(), 1, 1 + i % 8, ProjectChanged.ProjectStatus.ONGOING));
        }
        registry.publish(EventFixture.organisationChanged()
                .organisationId("org-" + UUID.randomUUID())
                .build());
        await().atMost(WAIT)
                .until(() -> state().path("caughtUp").asBoolean()
                        && state().path("eventsApplied").asLong() >= 21);
        String digest = settledDigest();
        long applied = state().path("eventsApplied").asLong();

        HttpResponse<String> refused = http.post("/computed/rebuild", "{}")
                .bearer(TestIdentity.token("provincia-cremona", "write"))
                .send();
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> rebuild = http.post("/computed/rebuild", "{}")
                .bearer(TestIdentity.token("unita-monitoraggio", "admin"))
                .send();
        assertThat(rebuild.statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> {
            JsonNode state = state();
            return state.path("caughtUp").asBoolean()
                    && state.path("eventsApplied").asLong() >= applied;
        });
        assertThat(state().path("digest").asString()).isEqualTo(digest);
    }

    private String settledDigest() {
        String previous = "";
        String current = state().path("digest").asString();
        while (!current.equals(previous)) {
            sleep();
            previous = current;
            current = state().path("digest").asString();
        }
        return current;
    }

    private JsonNode state() {
        HttpResponse<String> response = http.get("/computed").send();
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private BigDecimal value(String code) {
        for (JsonNode value : state().path("values")) {
            if (value.path("code").asString().equals(code)) {
                return value.path("value").decimalValue();
            }
        }
        return BigDecimal.ZERO;
    }

    private static ProjectChanged project(String id, long version, int axis, ProjectChanged.ProjectStatus status) {
        ProjectChanged p =
                EventFixture.projectChanged().projectId(id).version(version).build();
        return new ProjectChanged(
                p.projectId(),
                p.version(),
                p.change(),
                p.ownerInstitutionId(),
                null,
                p.title(),
                p.acronym(),
                p.description(),
                p.programme(),
                p.callId(),
                axis,
                p.emblematicAction(),
                p.s3Ecosystem(),
                p.comuniIstat(),
                status,
                p.startDate(),
                p.endDate(),
                p.totalCost(),
                p.funding(),
                p.partners(),
                p.milestones(),
                p.expenditures(),
                p.spent(),
                p.financialProgress(),
                p.physicalProgress(),
                p.synthetic(),
                Instant.now(),
                List.of(axis));
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
