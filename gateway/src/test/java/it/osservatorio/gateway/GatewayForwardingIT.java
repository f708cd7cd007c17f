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
        registry.add("osservatorio.gateway.services.registry", REGISTRY::url);
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
