package it.osservatorio.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.osservatorio.contracts.ServiceIdentity;
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
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Organisation writes ({@code POST /organisations}) at a fixed rate, timed from the request to its 201 response: through
 * the gateway with an institution's API key, and — the baseline — straight to registry-service with an identity token
 * signed like the gateway signs it (the platform's own key pair, read from its home directory). Rounds alternate the
 * two paths so that both see the same machine; every write is a new organisation with its own Partita IVA. Not a test.
 *
 * <p>System properties: {@code bench.gateway} (http://localhost:8080), {@code bench.registry}
 * (http://localhost:8081), {@code bench.adminKey} (required), {@code bench.identityKey} (PKCS#8 PEM the gateway signs
 * with, default {@code $OSSERVATORIO_HOME/keys/identity-private.pem}), {@code bench.rate} (200), {@code bench.seconds}
 * per round (30), {@code bench.rounds} (2), {@code bench.warmUpSeconds} (30).
 */
public final class RegistryWriteBenchmark {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(
                    Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory()))
            .build();
    private final AtomicLong sequence = new AtomicLong();
    private final long partitaIvaBase = (System.currentTimeMillis() / 1000 % 100_000) * 100_000;

    private RegistryWriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(System.getProperty("bench.gateway", "http://localhost:8080"));
        URI registry = URI.create(System.getProperty("bench.registry", "http://localhost:8081"));
        String adminKey = System.getProperty("bench.adminKey");
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("Set -Dbench.adminKey to the platform's admin key");
        }
        Path identityKey = Path.of(System.getProperty(
                "bench.identityKey",
                System.getenv().getOrDefault("OSSERVATORIO_HOME", System.getProperty("user.home") + "/.osservatorio")
                        + "/keys/identity-private.pem"));
        int rate = Integer.getInteger("bench.rate", 200);
        Duration round = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
        int rounds = Integer.getInteger("bench.rounds", 2);

        RegistryWriteBenchmark bench = new RegistryWriteBenchmark();
        BenchInstitutions.Created created =
                BenchInstitutions.create(bench.http, gateway, adminKey, "bench-write", "Write benchmark institution");
        String institution = created.institutionId();
        String apiKey = created.apiKey();
        String identity = signedIdentity(identityKey, institution);
        URI viaGateway = gateway.resolve("/api/registry/organisations");
        URI direct = registry.resolve("/organisations");

        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmUpSeconds", 30));
        System.out.printf("warm-up: %d/s for %ds on each path (not reported)...%n", rate, warmUp.toSeconds());
        bench.run(direct, identity, rate, warmUp);
        bench.run(viaGateway, apiKey, rate, warmUp);

        List<Latencies> directRounds = new ArrayList<>();
        List<Latencies> gatewayRounds = new ArrayList<>();
        for (int i = 1; i <= rounds; i++) {
            System.out.printf("round %d of %d: direct, then via gateway, %ds each...%n", i, rounds, round.toSeconds());
            directRounds.add(bench.run(direct, identity, rate, round));
            gatewayRounds.add(bench.run(viaGateway, apiKey, rate, round));
        }
        System.out.printf(
                "Organisation write (POST → 201) at %d/s, %d rounds of %ds per path, %d cores%n",
                rate, rounds, round.toSeconds(), Runtime.getRuntime().availableProcessors());
        String format = "%-44s %8s %8s %8s %9s %9s %9s%n";
        System.out.printf(format, "path", "sent", "201", "failed", "p50 ms", "p99 ms", "max ms");
        print(
                format,
                "baseline: direct to registry-service",
                Latencies.merge(directRounds).summary());
        print(
                format,
                "via gateway (API key → signed identity)",
                Latencies.merge(gatewayRounds).summary());
    }

    private static void print(String format, String path, Latencies.Summary s) {
        System.out.printf(
                format,
                path,
                s.sent(),
                s.received(),
                s.failures(),
                "%.1f".formatted(s.p50Millis()),
                "%.1f".formatted(s.p99Millis()),
                "%.1f".formatted(s.maxMillis()));
    }

    private Latencies run(URI target, String bearer, int rate, Duration duration) throws InterruptedException {
        Latencies latencies = new Latencies();
        FixedRate.run(rate, duration, () -> {
            long n = sequence.incrementAndGet();
            String name = "Bench Write " + partitaIvaBase + "-" + n;
            latencies.sent(name, System.nanoTime());
            http.sendAsync(
                            organisation(target, bearer, name, PartitaIva.withCheckDigit(partitaIvaBase + n)),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 201) {
                            latencies.failed();
                        } else {
                            latencies.received(name, System.nanoTime());
                        }
                    });
        });
        Drain.await(latencies, Duration.ofSeconds(30));
        return latencies;
    }

    private static HttpRequest organisation(URI target, String bearer, String legalName, String partitaIva) {
        String body = """
                {"legalName":"%s","type":"IMPRESA","sizeClass":"MICRO","partitaIva":"%s","atecoCode":"62.01",
                 "address":{"street":"Piazza Stradivari 5","comune":"Cremona","comuneIstat":"019036",
                            "province":"CR","region":"Lombardia"},
                 "ecosystems":["Manifattura avanzata"]}""".formatted(legalName, partitaIva);
        return HttpRequest.newBuilder(target)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The identity the gateway would forward for this institution (claims as in the gateway's issuer), for 1 hour. */
    private static String signedIdentity(Path privateKeyPem, String institution) throws Exception {
        String base64 = Files.readString(privateKeyPem)
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
                .claim(ServiceIdentity.INSTITUTION_NAME_CLAIM, "Write benchmark institution")
                .claim(ServiceIdentity.SCOPE_CLAIM, ServiceIdentity.SCOPE_READ + " " + ServiceIdentity.SCOPE_WRITE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
