package it.osservatorio.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import it.osservatorio.contracts.projects.CallChanged;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestEventProducer;
import it.osservatorio.testing.TestIdentity;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guarantees across a restart: the service is stopped while a delivery waits for its retry and started again,
 * with a new consumer group that replays the calls topic from the start; the endpoint receives the call exactly once
 * successfully, and the retry keeps its webhook-id.
 */
class WebhookRestartIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String DATABASE =
            "notifications_restart_it_" + UUID.randomUUID().toString().substring(0, 8);
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final WebhookReceiver GONE = new WebhookReceiver();

    @AfterAll
    static void stop() {
        RECEIVER.close();
        GONE.close();
    }

    private static ConfigurableApplicationContext start(String consumerGroup) {
        return new SpringApplicationBuilder(NotificationsApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + LocalInfrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + LocalInfrastructure.mongoUri(DATABASE),
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + TestIdentity.publicKeyLocation(),
                        "--osservatorio.notifications.consumer-group=" + consumerGroup,
                        "--osservatorio.notifications.webhooks.allowed-hosts=127.0.0.1",
                        "--osservatorio.notifications.webhooks.retry-schedule=2s,2s,2s,2s",
                        "--osservatorio.notifications.scheduler.interval=200ms");
    }

    private static HttpTestClient http(ConfigurableApplicationContext context) {
        return new HttpTestClient("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static void publish(CallChanged call) {
        try (TestEventProducer producer =
                new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "projects-service")) {
            producer.publish(call);
        }
    }

    @Test
    void shouldDeliverExactlyOnceWhenServiceRestartsMidRetryAndTopicIsReplayed() {
        String institution = "afil-" + UUID.randomUUID();
        String token = TestIdentity.token(institution, "read", "write");
        CallFixture call = CallFixture.aCall();
        RECEIVER.answer(503);
        String subscriptionId;
        String goneId;

        try (ConfigurableApplicationContext first = start("notifications-restart-a")) {
            HttpResponse<String> created = http(first)
                    .post("/subscriptions/webhooks", """
                            {"kinds":["CALL_PUBLISHED"],"url":"%s","criteria":{"axes":[2]}}""".formatted(RECEIVER.url("/restart")))
                    .bearer(token)
                    .send();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            subscriptionId = JSON.readTree(created.body()).path("id").asString();
            HttpResponse<String> gone = http(first)
                    .post("/subscriptions/webhooks", """
                            {"kinds":["CALL_PUBLISHED"],"url":"%s"}""".formatted(GONE.url("/gone")))
                    .bearer(token)
                    .send();
            goneId = JSON.readTree(gone.body()).path("id").asString();
            GONE.answer(410);

            publish(call.published());
            await().atMost(WAIT).until(() -> !RECEIVER.receivedWith(call.id()).isEmpty());
            await().atMost(WAIT).until(() -> !GONE.receivedWith(call.id()).isEmpty());
        }
        assertThat(RECEIVER.receivedWith(call.id()))
                .allSatisfy(r -> assertThat(r.answered()).isEqualTo(503));
        RECEIVER.answer(200);

        try (ConfigurableApplicationContext second = start("notifications-restart-b")) {
            await().atMost(WAIT)
                    .until(() -> RECEIVER.receivedWith(call.id()).stream().anyMatch(r -> r.answered() == 200));
            // two more retry intervals: nothing may come after the success, whatever the replay did
            await().pollDelay(Duration.ofSeconds(5)).until(() -> true);

            List<WebhookReceiver.Received> received = RECEIVER.receivedWith(call.id());
            assertThat(received.stream().filter(r -> r.answered() == 200)).hasSize(1);
            assertThat(received.getLast().answered()).isEqualTo(200);
            assertThat(received.stream().map(r -> r.headers().get("webhook-id")).distinct())
                    .hasSize(1);

            JsonNode log = JSON.readTree(http(second)
                    .get("/subscriptions/" + subscriptionId + "/deliveries")
                    .bearer(token)
                    .send()
                    .body());
            assertThat(log).hasSize(1);
            assertThat(log.get(0).path("status").asString()).isEqualTo("DELIVERED");
            assertThat(log.get(0).path("attempts").size()).isEqualTo(received.size());
            assertThat(log.get(0).path("attempts").get(0).path("status").asInt())
                    .isEqualTo(503);

            JsonNode goneSubscription = JSON.readTree(http(second)
                    .get("/subscriptions/" + goneId)
                    .bearer(token)
                    .send()
                    .body());
            assertThat(goneSubscription.path("enabled").asBoolean()).isFalse();
            assertThat(goneSubscription.path("disabledReason").asString()).contains("410");
            assertThat(GONE.receivedWith(call.id())).hasSize(1);
        }
    }
}
