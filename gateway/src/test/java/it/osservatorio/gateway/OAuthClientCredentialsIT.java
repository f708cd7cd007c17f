package it.osservatorio.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import it.osservatorio.contracts.ServiceIdentity;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.LocalInfrastructure;
import it.osservatorio.testing.TestIdentity;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Institutions' OAuth2 clients end to end through the real gateway: registered by the administrator, a token from
 * {@code POST /oauth2/token}, a write forwarded with the platform's signed identity, revocation, scopes, restarts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OAuthClientCredentialsIT {

    static final String ADMIN_KEY = "oss_admin_" + UUID.randomUUID();
    static final String DATABASE = "gateway_oauth_it";
    static final RecordingDownstream REGISTRY = new RecordingDownstream();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path SIGNING_KEY = OAuthTestKeys.newSigningKeyFile();

    @DynamicPropertySource
    static void configure(DynamicPropertyRegistry registry) {
        LocalInfrastructure.register(registry, DATABASE);
        commonProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** What every gateway of this test is started with: the same store, keys and downstream service. */
    static Map<String, String> commonProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("osservatorio.gateway.admin-key", ADMIN_KEY);
        properties.put("osservatorio.identity.private-key-location", TestIdentity.privateKeyLocation());
        properties.put("osservatorio.identity.public-key-location", TestIdentity.publicKeyLocation());
        properties.put("osservatorio.gateway.services.registry", REGISTRY.url());
        properties.put("osservatorio.gateway.oauth.signing-key-file", SIGNING_KEY.toString());
        properties.put("osservatorio.gateway.oauth.access-token-lifetime", "5m");
        // every test uses its own clients: a small limit per client does not disturb the others
        properties.put("osservatorio.gateway.rate-limit.capacity", "5");
        properties.put("osservatorio.gateway.rate-limit.refill", "1");
        properties.put("osservatorio.gateway.rate-limit.period", "1h");
        return properties;
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
        http = new HttpTestClient(base());
        REGISTRY.clear();
    }

    @Test
    void shouldReachServiceWithInstitutionsSignedIdentityWhenClientWritesWithAccessToken() throws Exception {
        String institution = "camera-commercio-" + suffix();
        JsonNode client = registerClient(institution, "read", "write");

        HttpResponse<String> token = tokenWithBasic(
                base(),
                client.path("clientId").asString(),
                client.path("clientSecret").asString(),
                null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(token.body());
        String accessToken = answer.path("access_token").asString();
        HttpResponse<String> write = http.post("/api/registry/organisations", "{\"legalName\":\"Latteria\"}")
                .bearer(accessToken)
                .send();
        RecordingDownstream.Received forwarded = REGISTRY.next();

        assertThat(answer.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.path("expires_in").asLong()).isBetween(290L, 300L);
        assertThat(answer.path("scope").asString().split(" ")).containsExactlyInAnyOrder("read", "write");
        SignedJWT issued = SignedJWT.parse(accessToken);
        assertThat(issued.getJWTClaimsSet().getStringClaim("institution_id")).isEqualTo(institution);
        assertThat(issued.getJWTClaimsSet().getStringClaim("client_id"))
                .isEqualTo(client.path("clientId").asString());
        assertThat(issued.getJWTClaimsSet().getSubject())
                .isEqualTo(client.path("clientId").asString());
        assertThat(issued.getJWTClaimsSet().getAudience())
                .containsExactly(client.path("clientId").asString());
        assertThat(issued.getJWTClaimsSet().getIssuer()).isEqualTo(base());
        assertThat(issued.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
        assertThat(forwarded.path()).isEqualTo("/organisations");
        assertThat(forwarded.body()).isEqualTo("{\"legalName\":\"Latteria\"}");
        String authorization = forwarded.header("Authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain(accessToken);
        SignedJWT identity = SignedJWT.parse(authorization.substring(7));
        assertThat(identity.verify(new RSASSAVerifier(identityPublicKey()))).isTrue();
        assertThat(identity.getJWTClaimsSet().getSubject()).isEqualTo(institution);
        assertThat(identity.getJWTClaimsSet().getIssuer()).isEqualTo(ServiceIdentity.ISSUER);
        assertThat(identity.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("read write");
    }

    @Test
    void shouldForbidWriteWhenTokenWasAskedForReadScopeOnlyWithSecretInForm() {
        JsonNode client = registerClient("provincia-" + suffix(), "read", "write");

        HttpResponse<String> token = tokenRequest(
                base(),
                null,
                form(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.path("clientId").asString(),
                        "client_secret",
                        client.path("clientSecret").asString(),
                        "scope",
                        "read")));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = JSON.readTree(token.body()).path("access_token").asString();
        HttpResponse<String> read =
                http.get("/api/registry/organisations").bearer(accessToken).send();
        HttpResponse<String> write = http.post("/api/registry/organisations", "{}")
                .bearer(accessToken)
                .send();
        HttpResponse<String> admin =
                http.get("/api/admin/institutions").bearer(accessToken).send();

        REGISTRY.clear();
        assertThat(JSON.readTree(token.body()).path("scope").asString()).isEqualTo("read");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(admin.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerInvalidClientWhenSecretIsWrongOrClientUnknownOrMissing() {
        JsonNode client = registerClient("afil-" + suffix(), "read");

        HttpResponse<String> wrongSecret =
                tokenWithBasic(base(), client.path("clientId").asString(), "ocs_not-the-secret", null);
        HttpResponse<String> unknownClient = tokenWithBasic(base(), "oc_nobody", "ocs_whatever", null);
        HttpResponse<String> noCredentials =
                tokenRequest(base(), null, form(Map.of("grant_type", "client_credentials")));

        for (HttpResponse<String> response : java.util.List.of(wrongSecret, unknownClient, noCredentials)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_client");
        }
    }

    @Test
    void shouldAnswerUnsupportedGrantTypeOrInvalidScopeWhenRequestAsksForThem() {
        JsonNode client = registerClient("le2c-" + suffix(), "read");
        String credentials = basic(
                client.path("clientId").asString(), client.path("clientSecret").asString());

        HttpResponse<String> password = tokenRequest(
                base(), credentials, form(Map.of("grant_type", "password", "username", "u", "password", "p")));
        HttpResponse<String> moreScope = tokenRequest(
                base(), credentials, form(Map.of("grant_type", "client_credentials", "scope", "read write")));

        assertThat(password.statusCode()).as(password.body()).isEqualTo(400);
        assertThat(JSON.readTree(password.body()).path("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(moreScope.statusCode()).as(moreScope.body()).isEqualTo(400);
        assertThat(JSON.readTree(moreScope.body()).path("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void shouldRefuseTokenAndNewTokensWhenItsClientIsRevoked() {
        String institution = "rei-" + suffix();
        JsonNode client = registerClient(institution, "read", "write");
        String clientId = client.path("clientId").asString();
        String secret = client.path("clientSecret").asString();
        String accessToken = accessToken(base(), clientId, secret);

        HttpResponse<String> before = http.post("/api/registry/organisations", "{}")
                .bearer(accessToken)
                .send();
        HttpResponse<String> revoked = http.delete("/api/admin/institutions/" + institution + "/clients/" + clientId)
                .bearer(ADMIN_KEY)
                .send();
        HttpResponse<String> after = http.post("/api/registry/organisations", "{}")
                .bearer(accessToken)
                .send();
        HttpResponse<String> newToken = tokenWithBasic(base(), clientId, secret, null);
        HttpResponse<String> listed = http.get("/api/admin/institutions/" + institution)
                .bearer(ADMIN_KEY)
                .send();

        REGISTRY.clear();
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(after.body()).contains("OAuth2 client was revoked");
        assertThat(newToken.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(newToken.body()).path("error").asString()).isEqualTo("invalid_client");
        JsonNode listedClient = JSON.readTree(listed.body()).path("clients").get(0);
        assertThat(listedClient.path("clientId").asString()).isEqualTo(clientId);
        assertThat(listedClient.path("revokedAt").isNull()).isFalse();
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("secretHash");
    }

    @Test
    void shouldKeepOldClientForGracePeriodAndStopItAtOnceWhenRotatedWithoutGrace() {
        String institution = "unicr-" + suffix();
        JsonNode client = registerClient(institution, "read", "write");
        String oldClientId = client.path("clientId").asString();
        String oldToken =
                accessToken(base(), oldClientId, client.path("clientSecret").asString());

        HttpResponse<String> rotated = http.post(
                        "/api/admin/institutions/" + institution + "/clients/" + oldClientId + "/rotation",
                        "{\"graceSeconds\":3600}")
                .bearer(ADMIN_KEY)
                .send();
        JsonNode fresh = JSON.readTree(rotated.body());
        String newToken = accessToken(
                base(),
                fresh.path("clientId").asString(),
                fresh.path("clientSecret").asString());
        int withOldDuringGrace = http.post("/api/registry/organisations", "{}")
                .bearer(oldToken)
                .send()
                .statusCode();
        HttpResponse<String> again = http.post(
                        "/api/admin/institutions/" + institution + "/clients/"
                                + fresh.path("clientId").asString() + "/rotation",
                        "{\"graceSeconds\":0}")
                .bearer(ADMIN_KEY)
                .send();
        int withNewAfterImmediateRotation = http.post("/api/registry/organisations", "{}")
                .bearer(newToken)
                .send()
                .statusCode();
        HttpResponse<String> rotateRevoked = http.post(
                        "/api/admin/institutions/" + institution + "/clients/"
                                + fresh.path("clientId").asString() + "/rotation",
                        "{}")
                .bearer(ADMIN_KEY)
                .send();

        REGISTRY.clear();
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(201);
        assertThat(fresh.path("clientId").asString()).startsWith("oc_").isNotEqualTo(oldClientId);
        assertThat(fresh.path("replacedClientId").asString()).isEqualTo(oldClientId);
        assertThat(fresh.path("scopes").toString()).contains("READ", "WRITE");
        assertThat(withOldDuringGrace).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(withNewAfterImmediateRotation).isEqualTo(401);
        assertThat(rotateRevoked.statusCode()).isEqualTo(409);
        assertThat(rotateRevoked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shouldAnswerTooManyRequestsPerClientWhenClientExceedsItsLimit() {
        JsonNode client = registerClient("distretto-" + suffix(), "read");
        String first = accessToken(
                base(),
                client.path("clientId").asString(),
                client.path("clientSecret").asString());
        String second = accessToken(
                base(),
                client.path("clientId").asString(),
                client.path("clientSecret").asString());
        JsonNode other = registerClient("comune-" + suffix(), "read");
        String otherToken = accessToken(
                base(),
                other.path("clientId").asString(),
                other.path("clientSecret").asString());

        for (int i = 0; i < 5; i++) {
            String token = i % 2 == 0 ? first : second;
            assertThat(http.get("/api/registry/organisations")
                            .bearer(token)
                            .send()
                            .statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> limited =
                http.get("/api/registry/organisations").bearer(second).send();
        HttpResponse<String> otherClient =
                http.get("/api/registry/organisations").bearer(otherToken).send();

        REGISTRY.clear();
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("OAuth2 client");
        assertThat(otherClient.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeTokenSigningKeyApartFromIdentityKey() throws Exception {
        JsonNode client = registerClient("politecnico-" + suffix(), "read");
        String token = accessToken(
                base(),
                client.path("clientId").asString(),
                client.path("clientSecret").asString());

        HttpResponse<String> jwks = http.get("/oauth2/jwks").send();
        HttpResponse<String> identityJwks = http.get("/.well-known/jwks.json").send();
        HttpResponse<String> metadata =
                http.get("/.well-known/oauth-authorization-server").send();

        assertThat(jwks.statusCode()).isEqualTo(200);
        JsonNode key = JSON.readTree(jwks.body()).path("keys").get(0);
        assertThat(key.path("kid").asString())
                .isEqualTo(SignedJWT.parse(token).getHeader().getKeyID());
        assertThat(key.has("d")).as("never the private part").isFalse();
        assertThat(JSON.readTree(identityJwks.body())
                        .path("keys")
                        .get(0)
                        .path("kid")
                        .asString())
                .isNotEqualTo(key.path("kid").asString());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(metadata.body()).path("token_endpoint").asString())
                .endsWith("/oauth2/token");
        assertThat(Files.exists(SIGNING_KEY)).isTrue();
    }

    @Test
    void shouldAcceptTokenIssuedBeforeRestartWhenGatewayStartsAgain() throws Exception {
        String institution = "cluster-" + suffix();
        JsonNode client = registerClient(institution, "read", "write");
        String token;
        try (ConfigurableApplicationContext first = startGateway()) {
            token = accessToken(
                    baseOf(first),
                    client.path("clientId").asString(),
                    client.path("clientSecret").asString());
        }

        int status;
        try (ConfigurableApplicationContext restarted = startGateway()) {
            status = new HttpTestClient(baseOf(restarted))
                    .post("/api/registry/organisations", "{}")
                    .bearer(token)
                    .send()
                    .statusCode();
        }
        RecordingDownstream.Received forwarded = REGISTRY.next();

        assertThat(status).isEqualTo(200);
        SignedJWT identity = SignedJWT.parse(forwarded.header("Authorization").substring(7));
        assertThat(identity.getJWTClaimsSet().getSubject()).isEqualTo(institution);
    }

    private ConfigurableApplicationContext startGateway() {
        Map<String, String> properties = new LinkedHashMap<>(commonProperties());
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", LocalInfrastructure.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", LocalInfrastructure.mongoUri(DATABASE));
        properties.put("osservatorio.gateway.instance-id", "restart-" + suffix());
        // as command-line arguments: they take precedence over application.yml, as the test's own properties do
        return new SpringApplicationBuilder(GatewayApplication.class)
                .run(properties.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static String baseOf(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private JsonNode registerClient(String institution, String... scopes) {
        HttpResponse<String> created = http.post(
                        "/api/admin/institutions", "{\"id\":\"" + institution + "\",\"name\":\"" + institution + "\"}")
                .bearer(ADMIN_KEY)
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> registered = http.post(
                        "/api/admin/institutions/" + institution + "/clients",
                        "{\"scopes\":" + JSON.writeValueAsString(scopes) + "}")
                .bearer(ADMIN_KEY)
                .send();
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(registered.body());
        assertThat(body.path("clientSecret").asString()).startsWith("ocs_");
        assertThat(body.path("tokenEndpoint").asString()).isEqualTo("/oauth2/token");
        return body;
    }

    private static String accessToken(String base, String clientId, String secret) {
        HttpResponse<String> response = tokenWithBasic(base, clientId, secret, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static HttpResponse<String> tokenWithBasic(String base, String clientId, String secret, String scope) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "client_credentials");
        if (scope != null) {
            parameters.put("scope", scope);
        }
        return tokenRequest(base, basic(clientId, secret), form(parameters));
    }

    private static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> tokenRequest(String base, String authorization, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("The token request failed: " + e, e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static RSAPublicKey identityPublicKey() throws Exception {
        try (InputStream in =
                URI.create(TestIdentity.publicKeyLocation()).toURL().openStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
    }
}
