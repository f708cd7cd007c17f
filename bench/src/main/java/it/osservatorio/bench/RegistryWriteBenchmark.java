package it.osservatorio.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;

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

    private final TimedWrites writes = new TimedWrites();
    private final long partitaIvaBase = (System.currentTimeMillis() / 1000 % 100_000) * 100_000;

    private RegistryWriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(System.getProperty("bench.gateway", "http://localhost:8080"));
        URI registry = URI.create(System.getProperty("bench.registry", "http://localhost:8081"));
        String adminKey = System.getProperty("bench.adminKey");
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("Set -Dbench.adminKey to the platform's admin key");
        }
        Path identityKey = SignedIdentity.keyFile();
        RegistryWriteBenchmark bench = new RegistryWriteBenchmark();
        BenchInstitutions.Created created = BenchInstitutions.create(
                bench.writes.http(), gateway, adminKey, "bench-write", "Write benchmark institution");
        String institution = created.institutionId();
        String apiKey = created.apiKey();
        String identity = SignedIdentity.token(identityKey, institution, "Write benchmark institution");
        URI viaGateway = gateway.resolve("/api/registry/organisations");
        URI direct = registry.resolve("/organisations");

        bench.writes.compareDirectAndGateway(
                "Organisation write (POST → 201)",
                "registry-service",
                n -> bench.organisation(direct, identity, n),
                n -> bench.organisation(viaGateway, apiKey, n));
    }

    private HttpRequest organisation(URI target, String bearer, long n) {
        return organisation(
                target,
                bearer,
                "Bench Write " + partitaIvaBase + "-" + n,
                PartitaIva.withCheckDigit(partitaIvaBase + n));
    }

    private static HttpRequest organisation(URI target, String bearer, String legalName, String partitaIva) {
        String body = """
                {"legalName":"%s","type":"IMPRESA","sizeClass":"MICRO","partitaIva":"%s","atecoCode":"62.01",
                 "address":{"street":"Piazza Stradivari 5","comune":"Cremona","comuneIstat":"019036",
                            "province":"CR","region":"Lombardia"},
                 "ecosystems":["Manifattura avanzata"]}""".formatted(legalName, partitaIva);
        return TimedWrites.postJson(target, bearer, body);
    }
}
