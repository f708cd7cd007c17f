package it.osservatorio.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton's slice: an institution writes an organisation through the gateway (HTTP) → registry →
 * outbox → Kafka → gateway → an SSE client. Latency runs from the moment the HTTP request is sent to the moment
 * the SSE client reads the event carrying that organisation.
 */
final class SliceLatency {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(
                    Executors.newFixedThreadPool(8, Thread.ofPlatform().daemon().factory()))
            .build();

    SliceLatency(URI gateway, String apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    /**
     * Latencies of one run: to the event read by the SSE client, to the HTTP response, and the event's two legs split
     * at the event time the registry stamped (all processes share this machine's clock).
     */
    record Result(Latencies toEvent, Latencies toResponse, Latencies toEventTime, Latencies eventTimeToClient) {}

    /** This machine's wall clock on the {@link System#nanoTime()} scale. */
    private static final long WALL_MINUS_NANO_TIME = currentEpochNanos() - System.nanoTime();

    private static long currentEpochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    Result run(int ratePerSecond, Duration duration, long partitaIvaBase) throws Exception {
        String runId = "bench-" + ratePerSecond + "-" + System.currentTimeMillis();
        Latencies latencies = new Latencies();
        Latencies responses = new Latencies();
        Latencies toEventTime = new Latencies();
        Latencies eventTimeToClient = new Latencies();
        AtomicBoolean listening = new AtomicBoolean(true);
        InputStream stream = openStream();
        Thread listener = Thread.ofPlatform()
                .name("bench-sse")
                .start(() -> listen(stream, runId, latencies, toEventTime, eventTimeToClient, listening));
        AtomicLong sequence = new AtomicLong();
        FixedRate.run(ratePerSecond, duration, () -> {
            long n = sequence.incrementAndGet();
            String name = runId + "-" + n;
            long sentAt = System.nanoTime();
            latencies.sent(name, sentAt);
            responses.sent(name, sentAt);
            toEventTime.sent(name, sentAt);
            http.sendAsync(
                            createOrganisation(name, PartitaIva.withCheckDigit(partitaIvaBase + n)),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 201) {
                            latencies.failed();
                        } else {
                            responses.received(name, System.nanoTime());
                        }
                    });
        });
        Drain.await(latencies, Duration.ofSeconds(15));
        listening.set(false);
        stream.close();
        listener.join(5_000);
        return new Result(latencies, responses, toEventTime, eventTimeToClient);
    }

    private InputStream openStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/stream"))
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The live stream answered " + response.statusCode());
        }
        return response.body();
    }

    private static void listen(
            InputStream stream,
            String runId,
            Latencies latencies,
            Latencies toEventTime,
            Latencies eventTimeToClient,
            AtomicBoolean listening) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while (listening.get() && (line = reader.readLine()) != null) {
                if (!line.startsWith("data:")) {
                    continue;
                }
                long now = System.nanoTime();
                JsonNode event = JSON.readTree(line.substring(5).trim());
                JsonNode name = event.path("payload").path("legalName");
                if (name.isString() && name.asString().startsWith(runId)) {
                    latencies.received(name.asString(), now);
                    java.time.Instant time =
                            java.time.Instant.parse(event.path("time").asString());
                    long stamped = time.getEpochSecond() * 1_000_000_000L + time.getNano() - WALL_MINUS_NANO_TIME;
                    toEventTime.received(name.asString(), stamped);
                    eventTimeToClient.sent(name.asString(), stamped);
                    eventTimeToClient.received(name.asString(), now);
                }
            }
        } catch (Exception e) {
            if (listening.get()) {
                System.err.println("Live stream ended: " + e);
            }
        }
    }

    private HttpRequest createOrganisation(String legalName, String partitaIva) {
        String body = """
                {"legalName":"%s","type":"IMPRESA","partitaIva":"%s",
                 "address":{"street":"Piazza Stradivari 5","comune":"Cremona","comuneIstat":"019036",
                            "province":"CR","region":"Lombardia"},
                 "ecosystems":["Manifattura avanzata"]}""".formatted(legalName, partitaIva);
        return HttpRequest.newBuilder(gateway.resolve("/api/registry/organisations"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
