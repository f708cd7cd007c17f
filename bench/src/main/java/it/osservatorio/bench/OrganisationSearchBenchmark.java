package it.osservatorio.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organisation search over (at least) 50,000 organisations: the registry's search API, answered from its in-memory
 * projection (ADR 0011), next to the same selections done as plain queries on the database it runs on (the
 * embedded MongoDB server by default, as a baseline). Imports the missing organisations through the gateway first
 * (synthetic, valid check digits). Not a test; see docs/benchmarks.md.
 *
 * <p>Properties: bench.gateway (http://localhost:8080), bench.adminKey (required to create), bench.registry
 * (http://localhost:8081, searched directly), bench.mongo (mongodb://localhost:27017), bench.organisations (50000),
 * bench.rounds (200 per query on the API), bench.baselineRounds (20 per query on the database),
 * bench.importChunk (10,000 rows per import file).
 */
public final class OrganisationSearchBenchmark {

    private static final String DATABASE = "osservatorio_registry";
    private static final int LIMIT = 50;
    private static final String[][] COMUNI = {
        {"Cremona", "019036", "CR"}, {"Crema", "019035", "CR"}, {"Soresina", "019097", "CR"},
        {"Casalmaggiore", "019021", "CR"}, {"Milano", "015146", "MI"}, {"Monza", "108033", "MB"},
        {"Bergamo", "016024", "BG"}, {"Brescia", "017029", "BS"}, {"Pavia", "018110", "PV"},
        {"Lodi", "098031", "LO"}, {"Mantova", "020030", "MN"}, {"Como", "013075", "CO"},
        {"Varese", "012133", "VA"}, {"Lecco", "097042", "LC"}, {"Sondrio", "014061", "SO"}
    };
    private static final String[] ATECO = {
        "01.41", "10.51", "10.51.00", "20.42", "25.62", "28.30", "62.01", "62.02.00", "63.11", "71.12", "72.19", "85.42"
    };
    private static final String[] ECOSYSTEMS = {
        "Nutrizione",
        "Manifattura avanzata",
        "Connettività e informazione",
        "Salute e scienze della vita",
        "Sostenibilità",
        "Cultura e conoscenza",
        "Smart mobility"
    };
    private static final String[] WORDS = {
        "Agricola",
        "Società",
        "Latteria",
        "Meccanica",
        "Digitale",
        "Cascina",
        "Tecnologie",
        "Fondazione",
        "Consorzio",
        "Ricerca",
        "Innovazione",
        "Perù",
        "Lombarda",
        "Padana",
        "Torrazzo",
        "Officine",
        "Laboratori",
        "Servizi",
        "Energia",
        "Biotech"
    };

    private OrganisationSearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(System.getProperty("bench.gateway", "http://localhost:8080"));
        URI registry = URI.create(System.getProperty("bench.registry", "http://localhost:8081"));
        String mongoUri = System.getProperty("bench.mongo", "mongodb://localhost:27017");
        int target = Integer.getInteger("bench.organisations", 50_000);
        int rounds = Integer.getInteger("bench.rounds", 200);
        int baselineRounds = Integer.getInteger("bench.baselineRounds", 20);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            MongoCollection<Document> organisations =
                    mongo.getDatabase(DATABASE).getCollection("organisations");
            long present = organisations.countDocuments(ne("deleted", true));
            if (present < target) {
                String adminKey = System.getProperty("bench.adminKey");
                if (adminKey == null) {
                    throw new IllegalStateException(
                            present + " organisations, " + target + " wanted: give -Dbench.adminKey to create them");
                }
                create(http, gateway, adminKey, (int) (target - present));
                present = organisations.countDocuments(ne("deleted", true));
            }
            System.out.printf(
                    "%n%d organisations in %s; %d rounds per query on the API, %d on the database%n",
                    present, DATABASE, rounds, baselineRounds);

            List<Query> queries = queries(http, registry);
            List<String[]> rows = new ArrayList<>();
            List<Long> allApi = new ArrayList<>();
            List<Long> allDb = new ArrayList<>();
            for (Query query : queries) {
                Supplier<Integer> api =
                        () -> get(http, registry.resolve("/organisations?limit=" + LIMIT + query.parameters));
                Supplier<Integer> db = () -> organisations
                        .find(and(ne("deleted", true), query.filter))
                        .sort(query.sort)
                        .skip(query.skip)
                        .limit(LIMIT)
                        .into(new ArrayList<>())
                        .size();
                long[] apiNanos = measure(api, rounds, Math.min(rounds, 20));
                long[] dbNanos = measure(db, baselineRounds, 2);
                Arrays.stream(apiNanos).forEach(allApi::add);
                Arrays.stream(dbNanos).forEach(allDb::add);
                rows.add(new String[] {
                    query.name, ms(apiNanos, 0.5), ms(apiNanos, 0.99), ms(dbNanos, 0.5), ms(dbNanos, 0.99)
                });
            }
            long[] apiAll = allApi.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] dbAll = allDb.stream().mapToLong(Long::longValue).sorted().toArray();
            rows.add(
                    new String[] {"all of the above", ms(apiAll, 0.5), ms(apiAll, 0.99), ms(dbAll, 0.5), ms(dbAll, 0.99)
                    });

            String format = "| %-46s | %12s | %12s | %13s | %13s |%n";
            System.out.printf(
                    "%nSearch, limit %d, %d cores (API: registry search over HTTP; database: the same"
                            + " selection as a plain query with the Mongo driver)%n",
                    LIMIT, Runtime.getRuntime().availableProcessors());
            System.out.printf(format, "query", "API p50 ms", "API p99 ms", "db p50 ms", "db p99 ms");
            rows.forEach(row -> System.out.printf(format, (Object[]) row));

            long start = System.nanoTime();
            HttpResponse<byte[]> export = http.send(
                    HttpRequest.newBuilder(registry.resolve("/organisations/export?format=csv&sort=legalName"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            System.out.printf(
                    "%nExport of every organisation as CSV sorted by legalName: HTTP %d, %.1f MB in %d ms%n",
                    export.statusCode(), export.body().length / 1e6, (System.nanoTime() - start) / 1_000_000);
        }
    }

    private record Query(String name, String parameters, Bson filter, Bson sort, int skip) {}

    /** The mix: filters alone and together, every sort field, a second page. */
    private static List<Query> queries(HttpClient http, URI registry) throws Exception {
        List<Query> queries = new ArrayList<>();
        queries.add(new Query("no filter, by id", "", new Document(), Sorts.ascending("_id"), 0));
        queries.add(new Query(
                "type=IMPRESA&province=CR",
                "&type=IMPRESA&province=CR",
                and(eq("type", "IMPRESA"), eq("address.province", "CR")),
                Sorts.ascending("_id"),
                0));
        queries.add(new Query(
                "sizeClass=MICRO&sort=legalName",
                "&sizeClass=MICRO&sort=legalName",
                eq("sizeClass", "MICRO"),
                Sorts.ascending("legalName", "_id"),
                0));
        queries.add(new Query(
                "atecoPrefix=62&sort=-createdAt",
                "&atecoPrefix=62&sort=-createdAt",
                regex("atecoCode", "^62"),
                Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")),
                0));
        queries.add(new Query(
                "name=agricola&sort=legalName",
                "&name=agricola&sort=legalName",
                regex("legalName", "agricola", "i"),
                Sorts.ascending("legalName", "_id"),
                0));
        queries.add(new Query(
                "comune=Cremona&sort=updatedAt",
                "&comune=Cremona&sort=updatedAt",
                eq("address.comune", "Cremona"),
                Sorts.ascending("updatedAt", "_id"),
                0));
        queries.add(new Query(
                "ecosystem=Nutrizione&synthetic=true&sort=province,legalName",
                "&ecosystem=Nutrizione&synthetic=true&sort=province,legalName",
                and(eq("ecosystems", "Nutrizione"), eq("synthetic", true)),
                Sorts.ascending("address.province", "legalName", "_id"),
                0));
        queries.add(new Query(
                "type=ALTRO_ENTE&category=FONDAZIONE&sort=-updatedAt",
                "&type=ALTRO_ENTE&category=FONDAZIONE&sort=-updatedAt",
                and(eq("type", "ALTRO_ENTE"), eq("category", "FONDAZIONE")),
                Sorts.orderBy(Sorts.descending("updatedAt"), Sorts.ascending("_id")),
                0));
        queries.add(new Query(
                "province=MI&sort=type,-legalName",
                "&province=MI&sort=type,-legalName",
                eq("address.province", "MI"),
                Sorts.orderBy(Sorts.ascending("type"), Sorts.descending("legalName"), Sorts.ascending("_id")),
                0));
        String firstPage =
                body(http, registry.resolve("/organisations?limit=" + LIMIT + "&type=IMPRESA&sort=legalName"));
        var next = JsonMapper.builder().build().readTree(firstPage).path("nextCursor");
        String cursor = next.isString() ? next.asString() : null;
        if (cursor != null) {
            queries.add(new Query(
                    "type=IMPRESA&sort=legalName, 2nd page (cursor)",
                    "&type=IMPRESA&sort=legalName&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                    eq("type", "IMPRESA"),
                    Sorts.ascending("legalName", "_id"),
                    LIMIT));
        }
        return queries;
    }

    private static long[] measure(Supplier<Integer> call, int rounds, int warmup) {
        for (int i = 0; i < warmup; i++) {
            call.get();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String ms(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1);
        return String.format("%.1f", sorted[Math.max(0, index)] / 1e6);
    }

    private static int get(HttpClient http, URI uri) {
        return body(http, uri).length();
    }

    private static String body(HttpClient http, URI uri) {
        try {
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Registers {@code missing} synthetic organisations through the gateway's bulk import (JSON files of
     * {@code bench.importChunk} rows, each run as an import job and polled until it completes).
     */
    private static void create(HttpClient http, URI gateway, String adminKey, int missing) throws Exception {
        int chunk = Integer.getInteger("bench.importChunk", 10_000);
        Random random = new Random();
        long base = 1_000_000_000L + random.nextLong(8_000_000_000L);
        URI imports = gateway.resolve("/api/registry/organisations/imports?async=true");
        long start = System.nanoTime();
        System.out.printf("Importing %d organisations through %s ...%n", missing, imports);
        for (int from = 0; from < missing; from += chunk) {
            int rows = Math.min(chunk, missing - from);
            StringBuilder json = new StringBuilder(rows * 400).append('[');
            for (int i = 0; i < rows; i++) {
                json.append(i == 0 ? "" : ",").append(organisation(random, PartitaIva.withCheckDigit(base + from + i)));
            }
            HttpResponse<String> accepted = http.send(
                    HttpRequest.newBuilder(imports)
                            .header("Authorization", "Bearer " + adminKey)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    json.append(']').toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException("Import answered " + accepted.statusCode() + ": " + accepted.body());
            }
            URI job = gateway.resolve(
                    "/api/registry" + accepted.headers().firstValue("Location").orElseThrow());
            String status;
            do {
                Thread.sleep(200);
                status = http.send(
                                HttpRequest.newBuilder(job)
                                        .header("Authorization", "Bearer " + adminKey)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (status.contains("\"FAILED\"")) {
                    throw new IllegalStateException("Import job failed: " + status);
                }
            } while (!status.contains("\"COMPLETED\""));
            System.out.printf(
                    "  %d imported, %.0f/s%n", from + rows, (from + rows) / ((System.nanoTime() - start) / 1e9));
        }
    }

    private static String organisation(Random random, String partitaIva) {
        String[] comune = COMUNI[random.nextInt(COMUNI.length)];
        String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " "
                + (char) ('A' + random.nextInt(26)) + random.nextInt(1000) + " S.r.l.";
        int kind = random.nextInt(10);
        String typeFields;
        if (kind < 8) {
            typeFields = "\"type\":\"IMPRESA\",\"sizeClass\":\""
                    + new String[] {"MICRO", "PICCOLA", "MEDIA", "GRANDE"}[random.nextInt(4)] + "\"";
        } else if (kind == 8) {
            typeFields = "\"type\":\"ORGANISMO_DI_RICERCA\",\"category\":\""
                    + (random.nextBoolean() ? "UNIVERSITA" : "CENTRO_DI_RICERCA") + "\"";
        } else {
            typeFields = "\"type\":\"ALTRO_ENTE\",\"category\":\""
                    + new String[] {"ASSOCIAZIONE", "FONDAZIONE", "CONSORZIO", "ENTE_PUBBLICO"}[random.nextInt(4)]
                    + "\"";
        }
        return """
                {"legalName":"%s",%s,"partitaIva":"%s","atecoCode":"%s",
                 "address":{"street":"Via Roma %d","comune":"%s","comuneIstat":"%s","province":"%s","region":"Lombardia"},
                 "ecosystems":["%s"],"synthetic":true}""".formatted(
                        name,
                        typeFields,
                        partitaIva,
                        ATECO[random.nextInt(ATECO.length)],
                        random.nextInt(200) + 1,
                        comune[0],
                        comune[1],
                        comune[2],
                        ECOSYSTEMS[random.nextInt(ECOSYSTEMS.length)]);
    }
}
