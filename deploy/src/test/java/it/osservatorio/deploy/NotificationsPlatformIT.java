package it.osservatorio.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.MailMessages;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8's acceptance through the real broker, every service its own process: a call created in projects-service
 * through the gateway reaches a webhook receiver in this test (its Standard Webhooks signature verified here, with the
 * secret of the subscription), the platform's demo mail sink (after a double opt-in confirmed from the mail itself)
 * and the Atom feed; notifications-service killed while it retries a failing endpoint and started again delivers each
 * (subscription, notice) exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationsPlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final String INSTITUTION = "camera-commercio-cremona";
    private static final String ADDRESS = "ufficio.bandi@cremona.example.it";
    private static final String KEYWORD = "fotonica";

    private static LocalPlatform platform;
    private static HttpTestClient gateway;
    private static Receiver receiver;
    private static String key;
    private static String webhookSubscription;
    private static String secret;

    @BeforeAll
    static void startPlatform() throws Exception {
        receiver = new Receiver();
        Path home = Files.createTempDirectory("osservatorio-notifications-it");
        Path repository = Path.of(System.getProperty("osservatorio.repository", ".."))
                .toAbsolutePath()
                .normalize();
        String retries = String.join(",", java.util.Collections.nCopies(10, RETRY.toSeconds() + "s"));
        PlatformConfig config = PlatformConfig.randomPorts(home, repository)
                .withExtraArguments(Map.of(
                        "notifications",
                        List.of(
                                "--osservatorio.notifications.webhooks.retry-schedule=" + retries,
                                "--osservatorio.notifications.webhooks.timeout=5s",
                                "--osservatorio.notifications.scheduler.interval=200ms")));
        platform = LocalPlatform.start(config);
        gateway = new HttpTestClient(platform.url("gateway"));
        key = institutionKey();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    @Order(1)
    void shouldReachWebhookInboxAndFeedWhenCallIsCreatedInProjectsService() throws Exception {
        HttpResponse<String> webhook = gateway.post("/api/notifications/subscriptions/webhooks", """
                        {"kinds":["CALL_PUBLISHED","CALL_OPENED"],"url":"%s",
                         "criteria":{"axes":[2],"keywords":["%s"]}}""".formatted(
                                receiver.url("/hooks/bandi"), KEYWORD))
                .bearer(key)
                .send();
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
        webhookSubscription = JSON.readTree(webhook.body()).path("id").asString();
        secret = JSON.readTree(webhook.body()).path("secret").asString();
        subscribeByMailAndConfirm();

        String title = "Bando fotonica per le imprese del distretto";
        String call = createCall(title);

        await().atMost(WAIT).until(() -> receiver.delivered(call).size() == 2);
        List<Received> deliveries = receiver.delivered(call);
        assertThat(deliveries)
                .extracting(r -> JSON.readTree(r.body()).path("type").asString())
                .containsExactlyInAnyOrder("call.published", "call.opened");
        for (Received delivery : deliveries) {
            assertThat(verifies(secret, delivery))
                    .as("signature %s of %s", delivery.signature(), delivery.id())
                    .isTrue();
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(delivery.timestamp())))
                    .isLessThan(300);
            assertThat(JSON.readTree(delivery.body())
                            .path("data")
                            .path("callId")
                            .asString())
                    .isEqualTo(call);
        }
        assertThat(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), deliveries.getFirst()))
                .as("another secret does not verify")
                .isFalse();

        await().atMost(WAIT).until(() -> noticeMails(title).size() == 2);
        for (MimeMessage mail : noticeMails(title)) {
            String text = MailMessages.part(mail, "text/plain");
            assertThat(text).contains(title);
            assertThat(MailMessages.subscriptionLink(text, "unsubscribe"))
                    .startsWith(platform.url("gateway") + "/api/notifications/");
            assertThat(MailMessages.part(mail, "text/html")).contains("/email-subscriptions/unsubscribe?token=");
            assertThat(mail.getHeader("List-Unsubscribe")).isNotEmpty();
        }

        await().atMost(WAIT).until(() -> feedTitles().contains(title));
        HttpResponse<String> feed =
                gateway.get("/api/notifications/feeds/calls?axis=2&status=OPEN").send();
        assertThat(feed.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
        assertThat(feed.body()).contains(call);
    }

    @Test
    @Order(2)
    void shouldDeliverEachNoticeOnceWhenServiceIsKilledMidRetryAndStartedAgain() throws Exception {
        assertThat(webhookSubscription).as("subscribed by the first test").isNotNull();
        String title = "Bando fotonica integrata per le filiere";
        receiver.failFor(KEYWORD + " integrata");
        String call = createCall(title);

        // both notices of the call failed at least twice (a retry ran), and its mails went out
        await().atMost(WAIT).until(() -> {
            Map<String, Long> failed = receiver.forCall(call).stream()
                    .filter(r -> r.answered() >= 500)
                    .collect(Collectors.groupingBy(Received::id, Collectors.counting()));
            return failed.size() == 2 && failed.values().stream().allMatch(n -> n >= 2);
        });
        await().atMost(WAIT).until(() -> noticeMails(title).size() == 2);
        ChildProcess notifications = platform.service("notifications");
        notifications.kill();
        assertThat(notifications.isAlive()).isFalse();
        int attemptsBeforeKill = receiver.forCall(call).size();
        receiver.failFor(null);

        platform.startService("notifications", List.of());
        platform.awaitHealthy("notifications");
        await().atMost(WAIT).until(() -> receiver.delivered(call).size() == 2);
        // several retry intervals more: a duplicate, from the scheduler or a replayed record, would show by then
        Thread.sleep(RETRY.multipliedBy(4).toMillis());

        Map<String, List<Received>> byId = receiver.all().stream().collect(Collectors.groupingBy(Received::id));
        assertThat(byId).hasSize(4);
        byId.forEach((id, received) -> {
            assertThat(received.stream().filter(r -> r.answered() < 300))
                    .as("successful deliveries of %s", id)
                    .hasSize(1);
            assertThat(received.getLast().answered())
                    .as("nothing after the success of %s", id)
                    .isLessThan(300);
        });
        assertThat(receiver.forCall(call).size()).isGreaterThan(attemptsBeforeKill);
        assertThat(noticeMails(title))
                .as("one mail per notice, none again after the restart")
                .hasSize(2);

        HttpResponse<String> logResponse = gateway.get(
                        "/api/notifications/subscriptions/" + webhookSubscription + "/deliveries")
                .bearer(key)
                .send();
        assertThat(logResponse.statusCode()).as(logResponse.body()).isEqualTo(200);
        JsonNode log = JSON.readTree(logResponse.body());
        assertThat(log).hasSize(4);
        for (JsonNode delivery : log) {
            String id = delivery.path("id").asString();
            assertThat(delivery.path("status").asString()).as(id).isEqualTo("DELIVERED");
            assertThat(delivery.path("attempts").size())
                    .as("attempts recorded for %s", id)
                    .isEqualTo(byId.get(id).size());
        }
    }

    private static void subscribeByMailAndConfirm() throws Exception {
        HttpResponse<String> subscribed = gateway.post(
                        "/api/notifications/email-subscriptions", """
                        {"kinds":["CALL_PUBLISHED","CALL_OPENED"],"email":"%s","language":"IT",
                         "criteria":{"axes":[2],"keywords":["%s"]}}""".formatted(ADDRESS, KEYWORD))
                .send();
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> !mailsTo(ADDRESS).isEmpty());
        MimeMessage confirmation = mailsTo(ADDRESS).getFirst();
        assertThat(confirmation.getSubject()).contains("conferma");
        String confirm = MailMessages.subscriptionLink(MailMessages.part(confirmation, "text/plain"), "confirm");
        assertThat(confirm).startsWith(platform.url("gateway") + "/api/notifications/email-subscriptions/");

        HttpResponse<String> confirmed =
                gateway.get(confirm.substring(platform.url("gateway").length())).send();
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).path("confirmed").asBoolean())
                .isTrue();
    }

    /** A call on axis 2 opening two seconds from now: projects-service publishes it, then its opened notice. */
    private static String createCall(String title) {
        String opensAt = OffsetDateTime.now(ZoneOffset.UTC)
                .plusSeconds(2)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        HttpResponse<String> created = gateway.post("/api/projects/calls", """
                        {"issuer":"Regione Lombardia","title":"%s","programme":"REGIONAL","axis":2,
                         "opensAt":"%s","deadline":"2099-03-05T12:00",
                         "link":"https://www.bandi.regione.lombardia.it/fotonica"}""".formatted(title, opensAt))
                .bearer(key)
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    /** Standard Webhooks v1, computed here: HMAC-SHA256 of {@code id.timestamp.body}, key = base64 after whsec_. */
    private static boolean verifies(String secret, Received received) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = ("v1,"
                        + Base64.getEncoder()
                                .encodeToString(
                                        mac.doFinal((received.id() + "." + received.timestamp() + "." + received.body())
                                                .getBytes(StandardCharsets.UTF_8))))
                .getBytes(StandardCharsets.UTF_8);
        for (String signature : received.signature().split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> feedTitles() throws Exception {
        HttpResponse<String> feed =
                gateway.get("/api/notifications/feeds/calls?axis=2&status=OPEN").send();
        if (feed.statusCode() != 200) {
            return List.of();
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        List<String> titles = new ArrayList<>();
        NodeList entries = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            titles.add(((Element) entries.item(i))
                    .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title")
                    .item(0)
                    .getTextContent());
        }
        return titles;
    }

    private static List<MimeMessage> noticeMails(String title) throws Exception {
        List<MimeMessage> notices = new ArrayList<>();
        for (MimeMessage mail : mailsTo(ADDRESS)) {
            if (mail.getSubject().contains(title)) {
                notices.add(mail);
            }
        }
        return notices;
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        return MailMessages.to(platform.mail().received(), address);
    }

    private static String institutionKey() {
        HttpResponse<String> created = gateway.post(
                        "/api/admin/institutions",
                        "{\"id\":\"" + INSTITUTION + "\",\"name\":\"Camera di Commercio di Cremona\"}")
                .bearer(platform.adminKey())
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> apiKey = gateway.post(
                        "/api/admin/institutions/" + INSTITUTION + "/keys", "{\"scopes\":[\"read\",\"write\"]}")
                .bearer(platform.adminKey())
                .send();
        assertThat(apiKey.statusCode()).as(apiKey.body()).isEqualTo(201);
        return JSON.readTree(apiKey.body()).path("apiKey").asString();
    }

    /** One POST as the receiver saw it, and what it answered. */
    record Received(String id, String timestamp, String signature, String body, int answered) {}

    /** A webhook endpoint on this machine (JDK HttpServer): 204, or 500 to bodies containing a text the test sets. */
    static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Set<String> failing = ConcurrentHashMap.newKeySet();

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int answer = failing.stream().anyMatch(body::contains) ? 500 : 204;
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body,
                        answer));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        /** Answers 500 to deliveries whose body contains the text; null: 204 to everything. */
        void failFor(String text) {
            failing.clear();
            if (text != null) {
                failing.add(text);
            }
        }

        List<Received> all() {
            return List.copyOf(received);
        }

        List<Received> forCall(String callId) {
            return received.stream().filter(r -> r.body().contains(callId)).toList();
        }

        List<Received> delivered(String callId) {
            return forCall(callId).stream().filter(r -> r.answered() < 300).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
