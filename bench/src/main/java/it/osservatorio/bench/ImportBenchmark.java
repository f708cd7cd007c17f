package it.osservatorio.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import throughput through the gateway ({@code POST /api/registry/organisations/imports}, run as a job,
 * timed from the request to the job's COMPLETED status), then re-importing the same file (every row unchanged),
 * next to the baseline: raw {@code insertMany} of equivalent documents (same fields, same unique indexes, a pending
 * event each) into a scratch collection on the same MongoDB server. Not a test.
 *
 * <p>System properties: {@code bench.gateway} (http://localhost:8080), {@code bench.registry} (the registry's API
 * base, default gateway + /api/registry), {@code bench.adminKey} (required), {@code bench.mongo}
 * (mongodb://localhost:27017), {@code bench.rows} (50000).
 */
public final class ImportBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER = "legalName,type,sizeClass,category,partitaIva,codiceFiscale,atecoCode,street,"
            + "comune,comuneIstat,province,region,website,ecosystems,externalId,synthetic";

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(System.getProperty("bench.gateway", "http://localhost:8080"));
        String registry = System.getProperty("bench.registry", gateway + "/api/registry");
        String mongoUri = System.getProperty("bench.mongo", "mongodb://localhost:27017");
        int rows = Integer.getInteger("bench.rows", 50_000);
        String adminKey = System.getProperty("bench.adminKey");
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalArgumentException("Set -Dbench.adminKey to the platform's admin key");
        }
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        BenchInstitutions.Created created =
                BenchInstitutions.create(http, gateway, adminKey, "bench-import", "Import benchmark institution");
        String institution = created.institutionId();
        String apiKey = created.apiKey();
        long vatBase = ThreadLocalRandom.current().nextLong(1_000_000_000L, 8_000_000_000L);
        byte[] csv = csv(rows, vatBase, institution);

        double baseline = baseline(mongoUri, rows, vatBase, institution);
        double first = timedImport(http, registry, apiKey, csv, rows, "created");
        double again = timedImport(http, registry, apiKey, csv, rows, "unchanged");

        String format = "%-52s %10s %12s%n";
        System.out.printf(
                "Bulk import of %d rows (%.1f MB CSV), %d cores%n",
                rows, csv.length / 1e6, Runtime.getRuntime().availableProcessors());
        System.out.printf(format, "scenario", "rows", "rows/s");
        System.out.printf(
                format, "baseline: raw insertMany (500/batch), same server", rows, "%.0f".formatted(baseline));
        System.out.printf(format, "import via gateway, new rows (POST → COMPLETED)", rows, "%.0f".formatted(first));
        System.out.printf(format, "re-import of the same file (all unchanged)", rows, "%.0f".formatted(again));
    }

    private static byte[] csv(int rows, long vatBase, String run) {
        StringBuilder csv = new StringBuilder(rows * 220).append(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            csv.append("Impresa Sintetica ")
                    .append(i)
                    .append(" Srl,IMPRESA,MICRO,,")
                    .append(PartitaIva.withCheckDigit(vatBase + i))
                    .append(",,62.01,Via Roma ")
                    .append(i % 300 + 1)
                    .append(",Cremona,019036,CR,Lombardia,https://impresa")
                    .append(i)
                    .append(".example.it,Manifatturiero avanzato;Connettività e ICT,")
                    .append(run)
                    .append('-')
                    .append(i)
                    .append(",true\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Seconds from the POST to the job's COMPLETED status, as rows per second. */
    private static double timedImport(
            HttpClient http, String registry, String apiKey, byte[] csv, int rows, String expectedCount)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create(registry + "/organisations/imports?async=true"))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Import answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String job = registry + accepted.headers().firstValue("Location").orElseThrow();
        while (true) {
            Thread.sleep(100);
            JsonNode status = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(job))
                                    .header("Authorization", "Bearer " + apiKey)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            String state = status.path("status").asString();
            if (state.equals("COMPLETED")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                long counted = status.path("counts").path(expectedCount).asLong();
                if (counted != rows) {
                    System.out.printf(
                            "warning: expected %d %s rows, the job reports %s%n",
                            rows, expectedCount, status.path("counts"));
                }
                return rows / seconds;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("Import job failed: " + status);
            }
        }
    }

    /** Raw insertMany of documents like the registry's, into a scratch collection dropped afterwards. */
    private static double baseline(String mongoUri, int rows, long vatBase, String run) {
        Date now = Date.from(Instant.now());
        return InsertManyBaseline.rowsPerSecond(
                mongoUri,
                "import_baseline_",
                List.of("partitaIva", "ownerExternalId"),
                rows,
                i -> document(i, vatBase, run, now));
    }

    private static Document document(int i, long vatBase, String run, Date now) {
        String id = "org-" + UUID.randomUUID();
        String partitaIva = PartitaIva.withCheckDigit(vatBase + 5_000_000L + i);
        Document address = new Document("street", "Via Roma " + (i % 300 + 1))
                .append("comune", "Cremona")
                .append("comuneIstat", "019036")
                .append("province", "CR")
                .append("region", "Lombardia");
        String payload = "{\"id\":\"" + id + "\",\"version\":1,\"legalName\":\"Impresa Sintetica " + i
                + " Srl\",\"type\":\"IMPRESA\",\"partitaIva\":\"" + partitaIva
                + "\",\"address\":{\"comune\":\"Cremona\",\"comuneIstat\":\"019036\",\"province\":\"CR\"}}";
        Document event = new Document("eventId", UUID.randomUUID().toString())
                .append("type", "osservatorio.registry.organisation.changed.v1")
                .append("aggregateId", id)
                .append("aggregateVersion", 1L)
                .append("occurredAt", now)
                .append("payload", payload);
        return new Document("_id", id)
                .append("version", 1L)
                .append("ownerInstitutionId", run)
                .append("legalName", "Impresa Sintetica " + i + " Srl")
                .append("type", "IMPRESA")
                .append("sizeClass", "MICRO")
                .append("partitaIva", partitaIva)
                .append("atecoCode", "62.01")
                .append("address", address)
                .append("website", "https://impresa" + i + ".example.it")
                .append("ecosystems", List.of("Manifatturiero avanzato", "Connettività e ICT"))
                .append("externalId", "baseline-" + i)
                .append("synthetic", true)
                .append("createdAt", now)
                .append("updatedAt", now)
                .append("deleted", false)
                .append("pendingEvents", List.of(event))
                .append("ownerExternalId", run + "/baseline-" + i);
    }
}
