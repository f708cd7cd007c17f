package it.osservatorio.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import it.osservatorio.contracts.registry.OrganisationChanged;
import it.osservatorio.notifications.delivery.application.DeliveryStore;
import it.osservatorio.notifications.delivery.application.EmailSender;
import it.osservatorio.notifications.delivery.domain.WebhookSignature;
import it.osservatorio.notifications.subscription.application.SubscriptionStore;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.MailMessages;
import it.osservatorio.testing.TestEventProducer;
import it.osservatorio.testing.TestIdentity;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service in-process against the in-process KRaft broker, the embedded MongoDB server and a GreenMail SMTP server:
 * calls published on projects-service's topic reach webhook receivers (signed), inboxes and the Atom feed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final GreenMail MAIL = startMail();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, "notifications_it");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("osservatorio.notifications.webhooks.allowed-hosts", () -> "127.0.0.1");
        registry.add("osservatorio.notifications.webhooks.retry-schedule", () -> "1s,1s,1s");
        registry.add("osservatorio.notifications.webhooks.timeout", () -> "30s");
        registry.add("osservatorio.notifications.scheduler.interval", () -> "200ms");
        registry.add("osservatorio.notifications.webhooks.owner-notice-interval", () -> "300ms");
        // digests are sent by the test itself
        registry.add("osservatorio.notifications.mail.digest-cron", () -> "-");
    }

    private static GreenMail startMail() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @AfterAll
    static void stop() {
        MAIL.stop();
        RECEIVER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    EmailSender emails;

    @Autowired
    SubscriptionStore subscriptions;

    @Autowired
    DeliveryStore deliveryStore;

    HttpTestClient http;
    String institution;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient("http://localhost:" + port);
        institution = "camera-commercio-" + UUID.randomUUID();
    }

    private String token() {
        return TestIdentity.token(institution, "read", "write");
    }

    private JsonNode subscribeWebhook(String body) {
        HttpResponse<String> created =
                http.post("/subscriptions/webhooks", body).bearer(token()).send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private static void publish(Object event) {
        try (TestEventProducer producer =
                new TestEventProducer(LocalInfrastructure.kafkaBootstrapServers(), "projects-service")) {
            producer.publish((it.osservatorio.contracts.StateEvent) event);
        }
    }

    @Test
    void shouldPostSignedWebhookWhenMatchingCallIsPublished() {
        String path = "/hooks/" + UUID.randomUUID();
        JsonNode subscription = subscribeWebhook("""
                {"kinds":["CALL_PUBLISHED"],"url":"%s",
                 "criteria":{"axes":[2],"keywords":["INNOVAZIÓNE","energia"]}}""".formatted(RECEIVER.url(path)));
        String secret = subscription.path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        CallFixture matching = CallFixture.aCall().titled("Bando per l'innovazione delle imprese");
        CallFixture otherAxis = CallFixture.aCall().onAxis(3);
        CallFixture otherWords = CallFixture.aCall().titled("Bando per il turismo");

        publish(otherAxis.published());
        publish(otherWords.published());
        publish(matching.published());

        await().atMost(WAIT).until(() -> !RECEIVER.receivedWith(matching.id()).isEmpty());
        WebhookReceiver.Received received = RECEIVER.receivedWith(matching.id()).getFirst();
        assertThat(WebhookSignature.verify(
                        secret,
                        received.headers().get("webhook-id"),
                        Long.parseLong(received.headers().get("webhook-timestamp")),
                        received.body().getBytes(StandardCharsets.UTF_8),
                        received.headers().get("webhook-signature")))
                .isTrue();
        JsonNode payload = JSON.readTree(received.body());
        assertThat(payload.path("type").asString()).isEqualTo("call.published");
        assertThat(payload.path("data").path("axis").asInt()).isEqualTo(2);
        assertThat(RECEIVER.receivedWith(otherAxis.id())).isEmpty();
        assertThat(RECEIVER.receivedWith(otherWords.id())).isEmpty();

        String id = subscription.path("id").asString();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode log = JSON.readTree(http.get("/subscriptions/" + id + "/deliveries")
                    .bearer(token())
                    .send()
                    .body());
            assertThat(log).hasSize(1);
            assertThat(log.get(0).path("status").asString()).isEqualTo("DELIVERED");
            assertThat(log.get(0).path("attempts").get(0).path("status").asInt())
                    .isEqualTo(204);
        });
        assertThat(http.get("/subscriptions/" + id + "/deliveries")
                        .bearer(TestIdentity.token("another-institution", "read", "write"))
                        .send()
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldSignWithBothSecretsWhenSecretWasRotatedAndPingIsSent() {
        JsonNode subscription = subscribeWebhook("""
                {"kinds":["CALL_OPENED"],"url":"%s"}""".formatted(RECEIVER.url("/ping/" + UUID.randomUUID())));
        String id = subscription.path("id").asString();
        String first = subscription.path("secret").asString();

        HttpResponse<String> rotated = http.post("/subscriptions/" + id + "/secret/rotate", "")
                .bearer(token())
                .send();
        String second = JSON.readTree(rotated.body()).path("secret").asString();
        HttpResponse<String> ping =
                http.post("/subscriptions/" + id + "/ping", "").bearer(token()).send();

        assertThat(ping.statusCode()).as(ping.body()).isEqualTo(200);
        assertThat(JSON.readTree(ping.body()).path("status").asInt()).isEqualTo(204);
        WebhookReceiver.Received received = RECEIVER.receivedWith(id).getLast();
        assertThat(received.body()).contains("\"type\":\"ping\"");
        for (String secret : List.of(first, second)) {
            assertThat(WebhookSignature.verify(
                            secret,
                            received.headers().get("webhook-id"),
                            Long.parseLong(received.headers().get("webhook-timestamp")),
                            received.body().getBytes(StandardCharsets.UTF_8),
                            received.headers().get("webhook-signature")))
                    .isTrue();
        }
    }

    @Test
    void shouldMailContactWhenEndpointAnswersGone() throws Exception {
        String contact = "sistemi+" + UUID.randomUUID().toString().substring(0, 8) + "@afil.example.it";
        String word = "gone" + UUID.randomUUID().toString().substring(0, 6);
        try (WebhookReceiver gone = new WebhookReceiver()) {
            gone.answer(410);
            String url = gone.url("/hooks/" + word);
            JsonNode subscription = subscribeWebhook("""
                    {"kinds":["CALL_PUBLISHED"],"url":"%s","contactEmail":"%s","language":"EN",
                     "criteria":{"keywords":["%s"]}}""".formatted(url, contact, word));
            assertThat(subscription.path("contactEmail").asString()).isEqualTo(contact);
            String id = subscription.path("id").asString();

            publish(CallFixture.aCall().titled("Bando " + word).published());

            MimeMessage told = awaitMail(contact, 1).getFirst();
            assertThat(told.getSubject()).isEqualTo("Osservatorio: webhook disabled - " + url);
            assertThat(MailMessages.part(told, "text/plain"))
                    .contains("Reason: the endpoint answered 410 Gone")
                    .contains("/subscriptions/" + id + "/enable");
            JsonNode disabled = JSON.readTree(
                    http.get("/subscriptions/" + id).bearer(token()).send().body());
            assertThat(disabled.path("enabled").asBoolean()).isFalse();
            assertThat(disabled.path("ownerToldAt").isMissingNode()).isFalse();
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertThat(mailsTo(contact)).as("told once").hasSize(1);
        }
    }

    @Test
    void shouldExplainEachFieldWhenSubscriptionIsInvalid() {
        HttpResponse<String> bad =
                http.post("/subscriptions/webhooks", """
                        {"kinds":[],"url":"ftp://user:pw@example.org/x","contactEmail":"sistemi@",
                         "criteria":{"programmes":["ERASMUS"],"axes":[12],"territories":["Roma"],"ecosystems":["Spazio"]}}""").bearer(token()).send();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        assertThat(fields(bad))
                .containsExactlyInAnyOrder(
                        "kinds",
                        "url",
                        "contactEmail",
                        "criteria.programmes[0]",
                        "criteria.axes[0]",
                        "criteria.territories[0]",
                        "criteria.ecosystems[0]");

        for (String privateTarget :
                List.of("http://localhost:8080/hook", "http://10.0.0.8/hook", "http://169.254.169.254/latest")) {
            HttpResponse<String> refused = http.post(
                            "/subscriptions/webhooks",
                            "{\"kinds\":[\"CALL_PUBLISHED\"],\"url\":\"" + privateTarget + "\"}")
                    .bearer(token())
                    .send();
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("private, loopback or link-local");
        }

        HttpResponse<String> unknownKind = http.post(
                        "/subscriptions/webhooks", "{\"kinds\":[\"CALL_FOUND\"],\"url\":\"https://example.org/h\"}")
                .bearer(token())
                .send();
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("CALL_PUBLISHED");

        HttpResponse<String> badMail = http.post(
                        "/email-subscriptions", "{\"kinds\":[\"CALL_PUBLISHED\"],\"email\":\"mario.rossi@\"}")
                .send();
        assertThat(badMail.statusCode()).isEqualTo(400);
        assertThat(fields(badMail)).containsExactly("email");

        assertThat(http.post(
                                "/subscriptions/webhooks",
                                "{\"kinds\":[\"CALL_PUBLISHED\"],\"url\":\"https://example.org/h\"}")
                        .send()
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void shouldMailConfirmedPersonAndDeleteAddressWhenUnsubscribing() throws Exception {
        String address = "mario.rossi+" + UUID.randomUUID().toString().substring(0, 8) + "@example.it";
        HttpResponse<String> subscribed =
                http.post("/email-subscriptions", """
                        {"kinds":["CALL_PUBLISHED"],"email":"%s","language":"IT",
                         "criteria":{"ecosystems":["nutrizione"]}}""".formatted(address)).send();
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(202);
        MimeMessage confirmation = awaitMail(address, 1).getFirst();
        assertThat(confirmation.getSubject()).contains("conferma");
        String confirmLink = MailMessages.subscriptionLink(MailMessages.part(confirmation, "text/plain"), "confirm");

        CallFixture beforeConfirming = CallFixture.aCall().inEcosystems("Nutrizione");
        publish(beforeConfirming.published());
        await().atMost(WAIT).until(() -> http.get("/feeds/calls").send().body().contains(beforeConfirming.id()));
        assertThat(mailsTo(address))
                .as("nothing but the confirmation before confirming")
                .hasSize(1);
        assertThat(http.get(relative(confirmLink)).send().statusCode()).isEqualTo(200);
        CallFixture afterConfirming =
                CallFixture.aCall().titled("Bando filiera agroalimentare").inEcosystems("Nutrizione");
        publish(afterConfirming.published());

        await().atMost(WAIT).until(() -> mailsTo(address).stream()
                .anyMatch(m -> subject(m).contains("Bando filiera agroalimentare")));
        MimeMessage notice = mailsTo(address).stream()
                .filter(m -> subject(m).contains("Bando filiera agroalimentare"))
                .findFirst()
                .orElseThrow();
        String plain = MailMessages.part(notice, "text/plain");
        String html = MailMessages.part(notice, "text/html");
        assertThat(plain).contains("Nuovo bando pubblicato");
        assertThat(html).contains("<a href=\"" + "https://www.bandi.regione.lombardia.it/" + afterConfirming.id());
        assertThat(notice.getHeader("List-Unsubscribe")).isNotEmpty();

        String unsubscribe = MailMessages.subscriptionLink(plain, "unsubscribe");
        assertThat(http.get(relative(unsubscribe)).send().statusCode()).isEqualTo(200);
        assertThat(http.get(relative(unsubscribe)).send().statusCode()).isEqualTo(404);
        assertThat(http.get(relative(confirmLink)).send().statusCode()).isEqualTo(404);
    }

    @Test
    void shouldSendOneEnglishDigestWhenDailySubscriptionCollectedSeveralNotices() throws Exception {
        String address = "jane.doe+" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String word = "digest" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> subscribed =
                http.post("/email-subscriptions", """
                        {"kinds":["CALL_PUBLISHED"],"email":"%s","language":"EN","digest":"DAILY",
                         "criteria":{"keywords":["%s"]}}""".formatted(address, word)).send();
        String id = JSON.readTree(subscribed.body()).path("id").asString();
        String confirm = MailMessages.subscriptionLink(
                MailMessages.part(awaitMail(address, 1).getFirst(), "text/plain"), "confirm");
        assertThat(http.get(relative(confirm)).send().statusCode()).isEqualTo(200);
        CallFixture first = CallFixture.aCall().titled("First call " + word);
        CallFixture second = CallFixture.aCall().titled("Second call " + word);
        publish(first.published());
        publish(second.published());
        await().atMost(WAIT).until(() -> deliveryStore.pendingFor(id).size() == 2);
        assertThat(mailsTo(address)).hasSize(1);

        assertThat(emails.sendDigests(List.of(subscriptions.find(id).orElseThrow())))
                .isEqualTo(1);

        MimeMessage digest = awaitMail(address, 2).getLast();
        assertThat(digest.getSubject()).isEqualTo("Osservatorio: today's 2 alerts");
        assertThat(MailMessages.part(digest, "text/plain"))
                .contains("First call " + word, "Second call " + word, "New call published", "unsubscribe");
        assertThat(deliveryStore.pendingFor(id)).isEmpty();
        assertThat(emails.sendDigests(List.of(subscriptions.find(id).orElseThrow())))
                .isZero();
    }

    @Test
    void shouldKeepDeliveringToOthersWhenOneEndpointHangs() throws Exception {
        String word = "hang" + UUID.randomUUID().toString().substring(0, 6);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger hanging = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer dead =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        dead.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        dead.createContext("/", exchange -> {
            hanging.incrementAndGet();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        dead.start();
        try {
            subscribeWebhook("""
                    {"kinds":["CALL_PUBLISHED"],"url":"http://127.0.0.1:%d/dead","criteria":{"keywords":["%s"]}}""".formatted(dead.getAddress().getPort(), word));
            subscribeWebhook("""
                    {"kinds":["CALL_PUBLISHED"],"url":"%s","criteria":{"keywords":["%s"]}}""".formatted(RECEIVER.url("/alive/" + word), word));
            List<String> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                CallFixture call = CallFixture.aCall().titled("Bando " + word + " " + i);
                calls.add(call.id());
                publish(call.published());
            }

            await().atMost(WAIT).until(() -> calls.stream()
                    .allMatch(c -> !RECEIVER.receivedWith(c).isEmpty()));
            // every delivery to the live endpoint arrived while the dead one still held its first requests,
            // and the dead one never had more than its permits (4) at once
            assertThat(release.getCount()).isEqualTo(1);
            assertThat(hanging.get()).isLessThanOrEqualTo(4);
        } finally {
            release.countDown();
            dead.stop(0);
        }
    }

    @Test
    void shouldFollowOrganisationWhenSubscriptionMatchesItsProfile() {
        String organisationId = "org-" + UUID.randomUUID();
        publish(organisation(organisationId, 1, "Nutrizione"));
        JsonNode subscription =
                subscribeWebhook("""
                {"kinds":["CALL_PUBLISHED"],"url":"%s","criteria":{"profileOrganisationId":"%s"}}""".formatted(RECEIVER.url("/profile/" + organisationId), organisationId));
        String id = subscription.path("id").asString();

        List<String> published = new ArrayList<>();
        awaitDeliveryOfOneOf(published, "Nutrizione");
        publish(organisation(organisationId, 2, "Sostenibilità"));
        published.clear();
        awaitDeliveryOfOneOf(published, "Sostenibilità");

        CallFixture nutrition = CallFixture.aCall().inEcosystems("Nutrizione");
        publish(nutrition.published());
        CallFixture marker = CallFixture.aCall().inEcosystems("Sostenibilità");
        publish(marker.published());
        await().atMost(WAIT).until(() -> !RECEIVER.receivedWith(marker.id()).isEmpty());
        assertThat(RECEIVER.receivedWith(nutrition.id())).isEmpty();
        assertThat(http.get("/subscriptions/" + id + "/deliveries?limit=500")
                        .bearer(token())
                        .send()
                        .body())
                .contains(marker.id())
                .doesNotContain(nutrition.id());
    }

    /** The profile reaches the index through the replica a moment after the event: publish until one matches. */
    private static void awaitDeliveryOfOneOf(List<String> published, String ecosystem) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            CallFixture call = CallFixture.aCall().inEcosystems(ecosystem);
            publish(call.published());
            published.add(call.id());
            return published.stream().anyMatch(p -> !RECEIVER.receivedWith(p).isEmpty());
        });
    }

    @Test
    void shouldListMatchingCallsWhenAtomFeedIsRead() throws Exception {
        CallFixture axisFive = CallFixture.aCall().onAxis(5).titled("Bando economia circolare asse 5");
        CallFixture axisSix = CallFixture.aCall().onAxis(6).titled("Bando turismo asse 6");
        publish(axisFive.published());
        publish(axisSix.published());

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                        http.get("/feeds/calls?axis=5&status=OPEN").send().body())
                .contains(axisFive.id()));
        HttpResponse<String> feed = http.get("/feeds/calls?axis=5&status=OPEN").send();
        assertThat(feed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/atom+xml"));
        SyndFeed parsed = new SyndFeedInput().build(new StringReader(feed.body()));
        assertThat(parsed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(parsed.getEntries())
                .extracting(e -> e.getTitle())
                .contains("Bando economia circolare asse 5")
                .doesNotContain("Bando turismo asse 6");

        HttpResponse<String> bad = http.get("/feeds/calls?axis=9&status=SOON").send();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("axis[0]", "status[0]");
    }

    private static OrganisationChanged organisation(String id, long version, String ecosystem) {
        return new OrganisationChanged(
                id,
                version,
                version == 1 ? OrganisationChanged.Change.REGISTERED : OrganisationChanged.Change.UPDATED,
                "camera-commercio-cremona",
                "Latteria Soresina",
                OrganisationChanged.OrganisationType.IMPRESA,
                OrganisationChanged.SizeClass.GRANDE,
                null,
                "00087350195",
                null,
                null,
                new OrganisationChanged.Address(null, "Soresina", "019097", "CR", "Lombardia"),
                null,
                List.of(ecosystem),
                null,
                false,
                Instant.now());
    }

    private List<MimeMessage> awaitMail(String address, int count) throws jakarta.mail.MessagingException {
        await().atMost(WAIT).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> mailsTo(String address) throws jakarta.mail.MessagingException {
        return MailMessages.to(MAIL.getReceivedMessages(), address);
    }

    /** Mail links point at the gateway; the test calls the service directly. */
    private static String relative(String link) {
        return link.substring(link.indexOf("/email-subscriptions/"));
    }

    private static List<String> fields(HttpResponse<String> response) {
        List<String> fields = new ArrayList<>();
        JSON.readTree(response.body())
                .path("errors")
                .forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
