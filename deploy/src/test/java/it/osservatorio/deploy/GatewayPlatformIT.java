package it.osservatorio.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.osservatorio.contracts.ServiceIdentity;
import it.osservatorio.testing.HttpTestClient;
import it.osservatorio.testing.PartitaIvaFixture;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway with the whole platform, every service its own process: institution A can never write institution B's
 * data (through the gateway or calling a service directly), the dashboard shows a change made through the API within
 * 2 s without a reload (headless Chromium), and an aggregated view still answers when a service is stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayPlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OWNER = "camera-commercio-cremona";
    private static final String INTRUDER = "provincia-cremona";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static LocalPlatform platform;
    private static HttpTestClient gateway;
    private static String ownerKey;
    private static String intruderKey;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path home = Files.createTempDirectory("osservatorio-gateway-it");
        Path repository = Path.of(System.getProperty("osservatorio.repository", ".."))
                .toAbsolutePath()
                .normalize();
        platform = LocalPlatform.start(PlatformConfig.randomPorts(home, repository));
        gateway = new HttpTestClient(platform.url("gateway"));
        ownerKey = institutionKey(OWNER, "Camera di Commercio di Cremona");
        intruderKey = institutionKey(INTRUDER, "Provincia di Cremona");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** One write operation on a resource the owner created; {@code path} is the service's own path. */
    record WriteAttempt(String service, String method, String path, String body) {}

    /**
     * Every write endpoint of registry-service on the owner's resources. A service that lands later adds its own
     * method like this one and its list to {@link #shouldForbidEveryWriteWhenInstitutionTouchesAnotherOnesData}.
     * Creating (POST to a collection) and CSV imports write only the caller's own data, so they have no victim.
     */
    private static List<WriteAttempt> registryWrites() {
        String organisation = created("registry", "/organisations", organisation("Latteria Soresina"));
        String member = created("registry", "/organisations", organisation("Acciaieria Arvedi"));
        String cluster = created("registry", "/clusters", network("Cluster Agrifood " + suffix()));
        String filiera = created("registry", "/filiere", network("Filiera lattiero-casearia " + suffix()));
        String membership = created("registry", "/memberships", membership(member, "CLUSTER", cluster));
        return List.of(
                new WriteAttempt("registry", "PUT", "/organisations/" + organisation, organisation("Taken over")),
                new WriteAttempt("registry", "DELETE", "/organisations/" + organisation, null),
                new WriteAttempt("registry", "PUT", "/clusters/" + cluster, network("Taken over " + suffix())),
                new WriteAttempt("registry", "DELETE", "/clusters/" + cluster, null),
                new WriteAttempt("registry", "PUT", "/filiere/" + filiera, network("Taken over " + suffix())),
                new WriteAttempt("registry", "DELETE", "/filiere/" + filiera, null),
                new WriteAttempt(
                        "registry", "PUT", "/memberships/" + membership, membership(member, "CLUSTER", cluster)),
                new WriteAttempt("registry", "DELETE", "/memberships/" + membership, null));
    }

    /** Every write endpoint of projects-service on the owner's resources. */
    private static List<WriteAttempt> projectsWrites() {
        String project = created("projects", "/projects", project());
        String call = created("projects", "/calls", call());
        return List.of(
                new WriteAttempt("projects", "PUT", "/projects/" + project, project()),
                new WriteAttempt("projects", "POST", "/projects/" + project + "/status", "{\"status\":\"ONGOING\"}"),
                new WriteAttempt(
                        "projects",
                        "POST",
                        "/projects/" + project + "/expenditures",
                        "{\"date\":\"2025-03-31\",\"amount\":12500.50,\"category\":\"PERSONALE\"}"),
                new WriteAttempt(
                        "projects",
                        "POST",
                        "/projects/" + project + "/milestones/M1/reached",
                        "{\"actualDate\":\"2025-07-15\"}"),
                new WriteAttempt("projects", "DELETE", "/projects/" + project, null),
                new WriteAttempt("projects", "PUT", "/calls/" + call, call()),
                new WriteAttempt("projects", "DELETE", "/calls/" + call, null));
    }

    @Test
    @Order(1)
    void shouldForbidEveryWriteWhenInstitutionTouchesAnotherOnesData() throws Exception {
        List<WriteAttempt> attempts = new ArrayList<>();
        attempts.addAll(registryWrites());
        attempts.addAll(projectsWrites());
        String intruderToken = platformSignedToken(INTRUDER, "Provincia di Cremona");

        for (WriteAttempt attempt : attempts) {
            HttpResponse<String> viaGateway =
                    send(platform.url("gateway") + "/api/" + attempt.service() + attempt.path(), attempt, intruderKey);
            HttpResponse<String> direct =
                    send(platform.url(attempt.service()) + attempt.path(), attempt, intruderToken);

            assertThat(viaGateway.statusCode())
                    .as("%s %s through the gateway: %s", attempt.method(), attempt.path(), viaGateway.body())
                    .isEqualTo(403);
            assertThat(direct.statusCode())
                    .as("%s %s directly: %s", attempt.method(), attempt.path(), direct.body())
                    .isEqualTo(403);
        }
        assertThat(attempts).hasSize(15);
    }

    @Test
    @Order(2)
    void shouldShowNewMemberOnDashboardWithinTwoSecondsWhenMembershipIsCreatedThroughApi() throws Exception {
        assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromium-driver (.ci/run installs them)")
                .isTrue();
        String cluster = created("registry", "/clusters", network("Cluster Tecnologico " + suffix()));
        String member = created("registry", "/organisations", organisation("Caseificio " + suffix()));

        WebDriver browser = headlessChromium();
        try {
            browser.get(platform.url("gateway") + "/#/networks");
            String total = "members-total-" + cluster;
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> textOf(driver, total) != null);
            assertThat(textOf(browser, total)).isEqualTo("0");
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("it");
            assertThat(browser.findElement(By.id("live")).getText()).startsWith("In diretta");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

            created("registry", "/memberships", membership(member, "CLUSTER", cluster));
            long posted = System.nanoTime();
            new WebDriverWait(browser, Duration.ofSeconds(2), Duration.ofMillis(50))
                    .until(driver -> "1".equals(textOf(driver, total)));
            long millis = (System.nanoTime() - posted) / 1_000_000;

            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.notReloaded;"))
                    .as("the page must not reload")
                    .isEqualTo(true);
            File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path artifact = Path.of("target", "dashboard-live-update.png");
            Files.createDirectories(artifact.getParent());
            Files.copy(screenshot.toPath(), artifact, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("Dashboard showed the new member " + millis + " ms after the API answered; screenshot "
                    + artifact.toAbsolutePath());

            browser.findElement(By.id("lang")).click();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> "en"
                    .equals(driver.findElement(By.tagName("html")).getAttribute("lang")));
            new WebDriverWait(browser, Duration.ofSeconds(5))
                    .until(driver -> String.valueOf(((org.openqa.selenium.JavascriptExecutor) driver)
                                    .executeScript("return document.querySelector('h1').textContent;"))
                            .contains("Clusters and supply chains"));

            browser.get(platform.url("gateway") + "/#/axes/1");
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(driver -> heading(driver).contains("Axis 1"));
            assertThat(textOf(browser, "axis-projects"))
                    .as("the axis page's funding section")
                    .isNotNull();
            browser.get(platform.url("gateway") + "/#/calls");
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(driver -> heading(driver).equals("Calls"));
            assertThat(textOf(browser, "calls-OPEN")).isEqualTo("Open");
            browser.get(platform.url("gateway") + "/#/");
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(driver -> heading(driver).equals("The 8 strategic axes"));
            assertThat(textOf(browser, "axis-link-8")).contains("Axis 8");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(4)
    void shouldMarkProjectSectionsUnavailableWhenProjectsServiceIsStopped() throws Exception {
        HttpResponse<String> before = gateway.get("/api/views/axes/1").send();
        platform.service("projects").stop(Duration.ofSeconds(20));

        HttpResponse<String> after = gateway.get("/api/views/axes/1").send();

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(before.body()).path("funding").path("status").asString())
                .isEqualTo("AVAILABLE");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        JsonNode view = JSON.readTree(after.body());
        for (String section : List.of("projects", "funding", "openCalls")) {
            assertThat(view.path(section).path("status").asString()).as(section).isEqualTo("UNAVAILABLE");
            assertThat(view.path(section).path("reason").asString()).contains("projects service");
        }
    }

    @Test
    @Order(3)
    void shouldShowSubmittedObservationOnAxisPageWithinTwoSecondsWhenItIsPostedThroughApi() throws Exception {
        assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromium-driver (.ci/run installs them)")
                .isTrue();
        WebDriver browser = headlessChromium();
        try {
            browser.get(platform.url("gateway") + "/#/axes/1");
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(driver -> heading(driver).startsWith("Asse 1"));
            String shownBefore = textOf(browser, "value-IND-02");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

            HttpResponse<String> submitted = gateway.post(
                            "/api/indicators/observations",
                            "{\"indicatorCode\":\"IND-02\",\"period\":\"2026\",\"territory\":\"PROVINCE:CR\","
                                    + "\"value\":137,\"source\":\"Provincia di Cremona\",\"synthetic\":true}")
                    .bearer(ownerKey)
                    .send();
            long posted = System.nanoTime();
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            new WebDriverWait(browser, Duration.ofSeconds(2), Duration.ofMillis(50))
                    .until(driver ->
                            String.valueOf(textOf(driver, "value-IND-02")).startsWith("137"));
            long millis = (System.nanoTime() - posted) / 1_000_000;

            assertThat(shownBefore)
                    .as("IND-02 had no value before the submission")
                    .isEqualTo("–");
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.notReloaded;"))
                    .as("the page must not reload")
                    .isEqualTo(true);
            File screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path artifact = Path.of("target", "dashboard-indicator-observation.png");
            Files.createDirectories(artifact.getParent());
            Files.copy(screenshot.toPath(), artifact, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("Dashboard showed the submitted observation " + millis
                    + " ms after the API answered; screenshot " + artifact.toAbsolutePath());
        } finally {
            browser.quit();
        }
    }

    /** Debian's chromium through chromium-driver, started as the CI machines allow (no sandbox, no GPU). */
    private static WebDriver headlessChromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String heading(WebDriver browser) {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("var h = document.querySelector('h1'); return h ? h.textContent.trim() : '';"));
    }

    /** The text of an element by id, read in one script: the page re-renders sections while we look. */
    private static String textOf(WebDriver browser, String id) {
        Object text = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "var e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : null;", id);
        return text == null ? null : text.toString();
    }

    private static HttpResponse<String> send(String url, WriteAttempt attempt, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"1\"");
        request.method(
                attempt.method(),
                attempt.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(attempt.body()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a resource as the owner through the gateway and returns its id. */
    private static String created(String service, String path, String body) {
        HttpResponse<String> response =
                gateway.post("/api/" + service + path, body).bearer(ownerKey).send();
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    /** The identity the gateway would forward, signed with this platform's key: a service called directly. */
    private static String platformSignedToken(String institution, String name) throws Exception {
        String base64 = Files.readString(platform.config().keys().resolve("identity-private.pem"))
                .replaceAll("-----[A-Z ]+-----", "")
                .replaceAll("\\s", "");
        RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issuer(ServiceIdentity.ISSUER)
                .audience(ServiceIdentity.AUDIENCE)
                .subject(institution)
                .claim(ServiceIdentity.INSTITUTION_NAME_CLAIM, name)
                .claim(ServiceIdentity.SCOPE_CLAIM, ServiceIdentity.SCOPE_READ + " " + ServiceIdentity.SCOPE_WRITE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String institutionKey(String id, String name) {
        HttpResponse<String> created = gateway.post(
                        "/api/admin/institutions", "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}")
                .bearer(platform.adminKey())
                .send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> key = gateway.post(
                        "/api/admin/institutions/" + id + "/keys", "{\"scopes\":[\"read\",\"write\"]}")
                .bearer(platform.adminKey())
                .send();
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return JSON.readTree(key.body()).path("apiKey").asString();
    }

    private static String suffix() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }

    private static String organisation(String legalName) {
        return """
                {"legalName":"%s","type":"IMPRESA","partitaIva":"%s",
                 "address":{"street":"Piazza del Comune 8","comune":"Cremona","comuneIstat":"019036","province":"CR",
                            "region":"Lombardia"},
                 "ecosystems":["Agroalimentare"]}""".formatted(legalName, PartitaIvaFixture.next());
    }

    private static String network(String name) {
        return """
                {"name":"%s","territory":"Provincia di Cremona","ecosystems":["Nutrizione"]}""".formatted(name);
    }

    private static String membership(String organisationId, String kind, String networkId) {
        return """
                {"organisationId":"%s","networkKind":"%s","networkId":"%s","role":"ASSOCIATE",
                 "validFrom":"2020-01-01","validTo":null}""".formatted(organisationId, kind, networkId);
    }

    private static String project() {
        String cup = "E11B" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        return """
                {"cup":"%s","title":"Laboratorio condiviso della filiera cosmetica","acronym":"COSMO",
                 "programme":{"kind":"FESR"},"axis":1,"s3Ecosystem":"Manifattura avanzata","comuniIstat":["019036"],
                 "startDate":"2025-01-01","endDate":"2026-12-31","totalCost":100000.00,
                 "funding":{"eu":50000.00,"national":30000.00,"regional":10000.00,"local":0,"privateFunds":10000.00},
                 "partners":[],
                 "milestones":[{"milestoneId":"M1","title":"Kick-off","plannedDate":"2025-02-01","actualDate":null}]}""".formatted(cup);
    }

    private static String call() {
        return """
                {"issuer":"Regione Lombardia","title":"Call Hub Ricerca e Innovazione","programme":"REGIONAL",
                 "axis":2,"deadline":"2099-03-05T12:00"}""";
    }
}
