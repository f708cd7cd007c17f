package it.osservatorio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import it.osservatorio.contracts.ServiceIdentity;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayForwardingIT {

    static final String ADMIN_KEY = "oss_admin_" + UUID.randomUUID();
    static final RecordingDownstream REGISTRY = new RecordingDownstream();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) throws Exception {
        LocalInfrastructure.register(registry, "gateway_forwarding_it");
        registry.add("osservatorio.gateway.admin-key", () -> ADMIN_KEY);
        registry.add("osservatorio.identity.private-key-location", TestIdentity::privateKeyLocation);
        registry.add("osservatorio.identity.public-key-location", TestIdentity::publicKeyLocation);
        registry.add("osservatorio.gateway.oauth.signing-key-file", () -> OAuthTestKeys.newSigningKeyFile()
                .toString());
        registry.add("osservatorio.gateway.services.registry", REGISTRY::url);
        registry.add("osservatorio.gateway.services.notifications", REGISTRY::url);
        // every test uses its own keys: a small limit per key does not disturb the others
        registry.add("osservatorio.gateway.rate-limit.capacity", () -> "5");
        registry.add("osservatorio.gateway.rate-limit.refill", () -> "1");
        registry.add("osservatorio.gateway.rate-limit.period", () -> "1h");
        registry.add("osservatorio.gateway.cors.allowed-origins", () -> "https://monitoraggio.example.org");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("osservatorio.gateway.services.projects", () -> "http://127.0.0.1:" + closedPort);
    }

    @AfterAll
    static void stopDownstream() {
        REGISTRY.close();
    }

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient("http://localhost:" + port);
    }

    @Test
    void shouldForwardSignedIdentityInsteadOfApiKeyWhenInstitutionWrites() throws Exception {
        String key = institutionKey(
                "camera-commercio-" + UUID.randomUUID().toString().substring(0, 8), "read", "write");

        HttpResponse<String> response = http.post("/api/registry/organisations?dryRun=false", "{\"a\":1}")
                .bearer(key)
                .header("X-Request-Id", "req-42")
                .send();

        assertThat(response.statusCode()).isEqualTo(200);
        RecordingDownstream.Received forwarded = REGISTRY.next();
        assertThat(forwarded.path()).isEqualTo("/organisations?dryRun=false");
        assertThat(forwarded.body()).isEqualTo("{\"a\":1}");
        assertThat(forwarded.header("X-API-Key")).isNull();
        String authorization = forwarded.header("Authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain(key);
        SignedJWT jwt = SignedJWT.parse(authorization.substring(7));
        assertThat(jwt.verify(new RSASSAVerifier(publicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).startsWith("camera-commercio-");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ServiceIdentity.ISSUER);
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(ServiceIdentity.AUDIENCE);
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("read write");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
    }

    @Test
    void shouldForwardWithoutIdentityWhenAnonymousReads() throws Exception {
        assertThat(http.get("/api/registry/organisations/org-1").send().statusCode())
                .isEqualTo(200);

        RecordingDownstream.Received forwarded = REGISTRY.next();
        assertThat(forwarded.path()).isEqualTo("/organisations/org-1");
        assertThat(forwarded.header("Authorization")).isNull();
    }

    @Test
    void shouldForwardAnonymousEmailSubscriptionButRefuseAnonymousWebhookSubscription() throws Exception {
        HttpResponse<String> email = http.post(
                        "/api/notifications/email-subscriptions",
                        "{\"email\":\"mario.rossi@example.org\",\"kinds\":[\"CALL_OPENED\"]}")
                .send();
        HttpResponse<String> webhook = http.post(
                        "/api/notifications/subscriptions/webhooks", "{\"url\":\"https://example.org/hook\"}")
                .send();

        assertThat(email.statusCode()).isEqualTo(200);
        RecordingDownstream.Received forwarded = REGISTRY.next();
        assertThat(forwarded.path()).isEqualTo("/email-subscriptions");
        assertThat(forwarded.header("Authorization")).isNull();
        assertThat(webhook.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseWritesWhenKeyIsMissingUnknownOrRevoked() throws Exception {
        String institution = "provincia-" + UUID.randomUUID().toString().substring(0, 8);
        String key = institutionKey(institution, "read", "write");
        String keyId = key.split("_")[1];

        HttpResponse<String> missing =
                http.post("/api/registry/organisations", "{}").send();
        HttpResponse<String> unknown = http.post("/api/registry/organisations", "{}")
                .bearer("oss_nokey_nosecret")
                .send();
        http.delete("/api/admin/institutions/" + institution + "/keys/" + keyId)
                .bearer(ADMIN_KEY)
                .send();
        HttpResponse<String> revoked =
                http.post("/api/registry/organisations", "{}").bearer(key).send();

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(revoked.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldForbidAdministrationWhenKeyHasNoAdminScope() {
        String key = institutionKey("rei-" + UUID.randomUUID().toString().substring(0, 8), "read", "write");

        assertThat(http.get("/api/admin/institutions").bearer(key).send().statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/admin/institutions", "{\"id\":\"x-y\",\"name\":\"X\"}")
                        .bearer(key)
                        .send()
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldExplainEachInvalidFieldWhenCreatingInstitution() {
        HttpResponse<String> response = http.post("/api/admin/institutions", "{\"id\":\"Not Valid!\"}")
                .bearer(ADMIN_KEY)
                .send();
        HttpResponse<String> badScope = http.post("/api/admin/institutions/none/keys", "{\"scopes\":[\"root\"]}")
                .bearer(ADMIN_KEY)
                .send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"id\"").contains("\"field\":\"name\"");
        assertThat(badScope.statusCode()).isIn(400, 404);
    }

    @Test
    void shouldAnswerServiceUnavailableProblemWhenServiceIsDown() {
        HttpResponse<String> response = http.get("/api/projects/projects").send();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("projects service");
    }

    @Test
    void shouldAnswerTooManyRequestsWithRetryAfterWhenKeyExceedsItsLimit() {
        String key = institutionKey("afil-" + UUID.randomUUID().toString().substring(0, 8), "read", "write");
        String other = institutionKey("le2c-" + UUID.randomUUID().toString().substring(0, 8), "read");

        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/registry/organisations")
                            .bearer(key)
                            .send()
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> limited =
                http.get("/api/registry/organisations").bearer(key).send();
        HttpResponse<String> otherKey =
                http.get("/api/registry/organisations").bearer(other).send();

        REGISTRY.clear();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 3600L);
        assertThat(otherKey.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldKeepOldKeyForGracePeriodWhenKeyIsRotated() {
        String institution = "rei-" + UUID.randomUUID().toString().substring(0, 8);
        String oldKey = institutionKey(institution, "read", "write");
        String oldKeyId = oldKey.split("_")[1];

        HttpResponse<String> rotated = http.post(
                        "/api/admin/institutions/" + institution + "/keys/" + oldKeyId + "/rotation",
                        "{\"graceSeconds\":3600}")
                .bearer(ADMIN_KEY)
                .send();
        String newKey = JSON.readTree(rotated.body()).path("apiKey").asString();
        HttpResponse<String> withOld =
                http.post("/api/registry/organisations", "{}").bearer(oldKey).send();
        HttpResponse<String> withNew =
                http.post("/api/registry/organisations", "{}").bearer(newKey).send();
        HttpResponse<String> again = http.post(
                        "/api/admin/institutions/" + institution + "/keys/" + newKey.split("_")[1] + "/rotation",
                        "{\"graceSeconds\":0}")
                .bearer(ADMIN_KEY)
                .send();
        HttpResponse<String> withNewAfterImmediateRotation =
                http.post("/api/registry/organisations", "{}").bearer(newKey).send();

        REGISTRY.clear();
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        assertThat(JSON.readTree(rotated.body()).path("scopes").toString()).contains("READ", "WRITE");
        assertThat(newKey).startsWith("oss_").isNotEqualTo(oldKey);
        assertThat(withOld.statusCode()).isEqualTo(200);
        assertThat(withNew.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(withNewAfterImmediateRotation.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldExplainGraceWhenRotationAsksForMoreThanSevenDays() {
        String institution = "unicr-" + UUID.randomUUID().toString().substring(0, 8);
        String key = institutionKey(institution, "read");

        HttpResponse<String> response = http.post(
                        "/api/admin/institutions/" + institution + "/keys/" + key.split("_")[1] + "/rotation",
                        "{\"graceSeconds\":9999999}")
                .bearer(ADMIN_KEY)
                .send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("graceSeconds");
    }

    @Test
    void shouldForwardAndEchoRequestIdWhenCallerSendsOne() throws Exception {
        HttpResponse<String> given = http.get("/api/registry/organisations/org-7")
                .header("X-Request-Id", "trace-7f3a")
                .send();
        RecordingDownstream.Received forwarded = REGISTRY.next();
        HttpResponse<String> generated =
                http.get("/api/registry/organisations/org-8").send();
        RecordingDownstream.Received forwardedGenerated = REGISTRY.next();

        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("trace-7f3a");
        assertThat(forwarded.header("X-Request-Id")).isEqualTo("trace-7f3a");
        String id = generated.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(forwardedGenerated.header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void shouldAllowConfiguredOriginOnlyWhenBrowserAsksForCors() throws Exception {
        HttpResponse<String> allowed = http.get("/api/registry/organisations/org-9")
                .header("Origin", "https://monitoraggio.example.org")
                .send();
        REGISTRY.next();
        HttpResponse<String> refused = http.get("/api/registry/organisations/org-9")
                .header("Origin", "https://elsewhere.example.com")
                .send();

        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://monitoraggio.example.org");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldMarkSectionUnavailableWhenItsServiceIsDown() {
        long started = System.nanoTime();
        HttpResponse<String> response =
                http.get("/api/views/organisations/org-cremona-001").send();
        long millis = (System.nanoTime() - started) / 1_000_000;
        REGISTRY.clear();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var view = JSON.readTree(response.body());
        assertThat(view.path("organisation").path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(view.path("organisation").path("data").path("ok").asBoolean())
                .isTrue();
        assertThat(view.path("memberships").path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(view.path("projects").path("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(view.path("projects").path("reason").asString()).contains("projects service");
        assertThat(millis)
                .as("a refused connection must not wait for the timeout")
                .isLessThan(10_000);
    }

    @Test
    void shouldAskEachServiceForInstitutionsDataWhenInstitutionOverviewIsRead() throws Exception {
        HttpResponse<String> response =
                http.get("/api/views/institutions/camera-commercio-cremona").send();
        RecordingDownstream.Received asked = REGISTRY.next();

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var view = JSON.readTree(response.body());
        assertThat(view.path("institutionId").asString()).isEqualTo("camera-commercio-cremona");
        assertThat(asked.path()).isEqualTo("/organisations?owner=camera-commercio-cremona&limit=100");
        assertThat(view.path("organisations").path("status").asString()).isEqualTo("AVAILABLE");
        for (String section : java.util.List.of("projects", "funding", "calls")) {
            assertThat(view.path(section).path("status").asString()).as(section).isEqualTo("UNAVAILABLE");
        }
    }

    @Test
    void shouldExplainAxisWhenViewAsksForAxisNine() {
        HttpResponse<String> response = http.get("/api/views/axes/9").send();

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"axis\"").contains("1 to 8");
    }

    @Test
    void shouldServeAsyncApiAndSchemasWhenInstitutionPlugsIn() {
        HttpResponse<String> asyncApi = http.get("/asyncapi.yaml").send();
        HttpResponse<String> schema =
                http.get("/schemas/organisation-changed.v1.json").send();
        HttpResponse<String> missing = http.get("/schemas/none.v1.json").send();

        assertThat(asyncApi.statusCode()).isEqualTo(200);
        assertThat(asyncApi.body()).startsWith("asyncapi: 3");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("\"$schema\"");
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldListEveryServiceWhenSwaggerUiAsksForItsConfiguration() {
        HttpResponse<String> config = http.get("/v3/api-docs/swagger-config").send();

        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body())
                .contains("/api/registry/v3/api-docs")
                .contains("/api/projects/v3/api-docs")
                .contains("/api/indicators/v3/api-docs")
                .contains("/api/notifications/v3/api-docs");
    }

    @Test
    void shouldServePublicKeyAsJwkSet() {
        HttpResponse<String> response = http.get("/.well-known/jwks.json").send();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())
                        .path("keys")
                        .get(0)
                        .path("kty")
                        .asString())
                .isEqualTo("RSA");
    }

    private String institutionKey(String institution, String... scopes) {
        HttpResponse<String> created = http.post(
                        "/api/admin/institutions", "{\"id\":\"" + institution + "\",\"name\":\"" + institution + "\"}")
                .bearer(ADMIN_KEY)
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> issued = http.post(
                        "/api/admin/institutions/" + institution + "/keys",
                        "{\"scopes\":" + JSON.writeValueAsString(scopes) + "}")
                .bearer(ADMIN_KEY)
                .send();
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JSON.readTree(issued.body()).path("apiKey").asString();
    }

    private static RSAPublicKey publicKey() throws Exception {
        try (InputStream in =
                URI.create(TestIdentity.publicKeyLocation()).toURL().openStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
    }
}
