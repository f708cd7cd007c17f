package it.osservatorio.projects.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.EventType;
import it.osservatorio.contracts.ReceivedEvent;
import it.osservatorio.contracts.Topics;
import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.contracts.projects.CallOpened;
import it.osservatorio.projects.ProjectsApplication;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import it.osservatorio.testing.TopicReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call scheduler through the in-process KRaft broker, across a restart of the service on the same database: a
 * notice is published when its moment passes, once, and one that fell due while the service was down is published
 * at the next start.
 */
class CallSchedulerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DATABASE =
            "projects_call_scheduler_it_" + UUID.randomUUID().toString().substring(0, 8);

    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldEmitCallOpenedExactlyOnceWhenOpeningTimePassesAlsoAcrossARestart() {
        HttpTestClient http = start();
        String owner = "regione-" + UUID.randomUUID();
        Instant opensAt = Instant.now().plusSeconds(3);
        String opensSoon = publish(http, owner, opensAt, opensAt.plus(Duration.ofDays(30)));

        List<ReceivedEvent> opened = notices(opensSoon, 1);
        assertThat(opened).extracting(ReceivedEvent::type).containsExactly(EventType.CALL_OPENED);
        CallOpened notice = opened.getFirst().payloadAs(CallOpened.class);
        assertThat(notice.dueAt()).isEqualTo(opensAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(Duration.between(notice.dueAt(), notice.emittedAt()))
                .as("emitted at most one scheduler round (plus a loaded machine's slack) after its moment")
                .isBetween(Duration.ZERO, Duration.ofSeconds(1));
        JsonNode read = JSON.readTree(http.get("/calls/" + opensSoon).send().body());
        assertThat(read.path("status").asString()).isEqualTo("OPEN");

        Instant whileDown = Instant.now().plusSeconds(3);
        String opensWhileDown = publish(http, owner, whileDown, whileDown.plus(Duration.ofDays(30)));
        service.close();
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(whileDown.plusSeconds(1)));
        assertThat(notices(opensWhileDown, 0))
                .as("nothing while the service is down")
                .isEmpty();

        http = start();

        List<ReceivedEvent> caughtUp = notices(opensWhileDown, 1);
        assertThat(caughtUp).extracting(ReceivedEvent::type).containsExactly(EventType.CALL_OPENED);
        assertThat(notices(opensSoon, 1)).as("not again after the restart").hasSize(1);
        List<ReceivedEvent> states = TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(), Topics.CALLS, opensWhileDown::equals, 2, PATIENCE);
        assertThat(states.stream()
                        .filter(e -> e.aggregateVersion() == 1 || e.aggregateVersion() == 2)
                        .map(e -> e.aggregateVersion() + " "
                                + e.payloadAs(CallChanged.class).status())
                        .distinct())
                .as("the state topic may carry a version twice (at least once), never out of order")
                .containsExactly("1 FORTHCOMING", "2 OPEN");
        assertThat(JSON.readTree(http.get("/calls/" + opensWhileDown).send().body())
                        .path("version")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void shouldEmitClosingSoonThenClosedWhenDeadlineApproachesAndPasses() {
        HttpTestClient http = start();
        String owner = "regione-" + UUID.randomUUID();
        Instant deadline = Instant.now().plusSeconds(4);
        String call = publish(http, owner, Instant.now().minusSeconds(60), deadline);
        HttpResponse<String> undated = http.post("/calls", """
                        {"issuer":"Regione Lombardia","title":"Bando Driade","programme":"REGIONAL",
                         "reportedStatus":"CLOSED","reportedStatusNote":"riconoscimento regionale (2009)"}""")
                .bearer(TestIdentity.token(owner, "read", "write"))
                .send();
        assertThat(undated.statusCode()).as(undated.body()).isEqualTo(201);
        String undatedCall = JSON.readTree(undated.body()).path("id").asString();

        List<ReceivedEvent> notices = notices(call, 3);

        assertThat(notices)
                .extracting(ReceivedEvent::type)
                .containsExactly(EventType.CALL_OPENED, EventType.CALL_CLOSING_SOON, EventType.CALL_CLOSED);
        assertThat(notices).extracting(ReceivedEvent::aggregateVersion).containsExactly(2L, 2L, 3L);
        await().atMost(PATIENCE)
                .until(() -> JSON.readTree(http.get("/calls/" + call).send().body())
                                .path("notices")
                                .size()
                        == 3);
        assertThat(JSON.readTree(http.get("/calls/" + call).send().body())
                        .path("status")
                        .asString())
                .isEqualTo("CLOSED");
        // many rounds later, the call without dates has no notice and was never rewritten by the scheduler
        assertThat(notices(undatedCall, 0)).isEmpty();
        JsonNode undatedNow =
                JSON.readTree(http.get("/calls/" + undatedCall).send().body());
        assertThat(undatedNow.path("version").asLong()).isEqualTo(1);
        assertThat(undatedNow.path("notices")).isEmpty();
        assertThat(undatedNow.path("status").asString()).isEqualTo("CLOSED");
    }

    private HttpTestClient start() {
        service = new SpringApplicationBuilder(ProjectsApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + LocalInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + LocalInfrastructure.mongoUri(DATABASE),
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + TestIdentity.publicKeyLocation(),
                        "--osservatorio.calls.closing-soon=P7D",
                        "--osservatorio.calls.scheduler.interval=200ms");
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return new HttpTestClient("http://localhost:" + port);
    }

    private static String publish(HttpTestClient http, String owner, Instant opensAt, Instant deadline) {
        String body = """
                {"issuer":"Regione Lombardia","title":"Bando per i cluster","programme":"REGIONAL",
                 "ecosystems":["Manifattura avanzata"],"eligibleBeneficiaryTypes":["CLUSTER"],
                 "opensAt":"%s","deadline":"%s","link":"https://www.bandi.regione.lombardia.it/1"}""".formatted(rome(opensAt), rome(deadline));
        HttpResponse<String> created = http.post("/calls", body)
                .bearer(TestIdentity.token(owner, "read", "write"))
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    /** Europe/Rome local time to the second, as an issuer states it. */
    private static String rome(Instant instant) {
        return instant.atZone(java.time.ZoneId.of("Europe/Rome"))
                .toLocalDateTime()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
    }

    private static List<ReceivedEvent> notices(String callId, int expected) {
        return TopicReader.eventsFor(
                LocalInfrastructure.kafkaBootstrapServers(),
                Topics.CALL_NOTICES,
                callId::equals,
                expected,
                expected == 0 ? Duration.ofSeconds(2) : PATIENCE);
    }
}
