package it.osservatorio.testing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads a Server-Sent Events stream on its own thread; events are collected as they arrive. */
public final class SseTestClient implements AutoCloseable {

    public record Event(String id, String name, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;
    private final int status;

    private SseTestClient(URI uri, String lastEventId) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            this.status = response.statusCode();
            this.body = response.body();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot open " + uri, e);
        }
        this.reader = Thread.ofPlatform().name("sse-test-client").daemon().start(this::read);
    }

    public static SseTestClient open(String url) {
        return new SseTestClient(URI.create(url), null);
    }

    public static SseTestClient resume(String url, String lastEventId) {
        return new SseTestClient(URI.create(url), lastEventId);
    }

    public int status() {
        return status;
    }

    /** Waits for the next event matching the predicate, skipping others; fails after the timeout. */
    public Event await(Predicate<Event> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event != null && matching.test(event)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("No matching event within " + timeout);
    }

    /** Every event received within the duration. */
    public List<Event> collect(Duration duration) {
        List<Event> received = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Event event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event != null) {
                    received.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return received;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (Exception e) {
            // the stream was closed
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (Exception e) {
            // already closed
        }
        reader.interrupt();
    }

    public static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
