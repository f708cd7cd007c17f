package it.osservatorio.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.json.JsonMapper;

/** Creates an institution of its own for a benchmark run, through the gateway's admin API, and issues it a key. */
final class BenchInstitutions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchInstitutions() {}

    /** A read/write API key of a new institution {@code <prefix>-<millis>}. */
    static Created create(HttpClient http, URI gateway, String adminKey, String prefix, String name) throws Exception {
        String institution = prefix + "-" + System.currentTimeMillis();
        post(
                http,
                gateway.resolve("/api/admin/institutions"),
                adminKey,
                "{\"id\":\"" + institution + "\",\"name\":\"" + name + "\"}");
        String key = post(
                http,
                gateway.resolve("/api/admin/institutions/" + institution + "/keys"),
                adminKey,
                "{\"scopes\":[\"read\",\"write\"]}");
        return new Created(institution, JSON.readTree(key).path("apiKey").asString());
    }

    record Created(String institutionId, String apiKey) {}

    private static String post(HttpClient http, URI uri, String adminKey, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + adminKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
