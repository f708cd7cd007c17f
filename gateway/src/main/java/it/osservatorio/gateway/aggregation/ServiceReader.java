package it.osservatorio.gateway.aggregation;

import it.osservatorio.gateway.GatewayProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads public data from the services for the aggregated views: every call starts at once on its own virtual thread
 * and is given up after the configured timeout, when its section becomes unavailable instead of failing the view.
 */
@Component
public class ServiceReader implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, URI> services;
    private final Duration timeout;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client;

    ServiceReader(GatewayProperties properties) {
        this.services = Map.of(
                "registry", properties.services().registry(),
                "projects", properties.services().projects(),
                "indicators", properties.services().indicators());
        this.timeout = properties.aggregation().timeout();
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .executor(threads)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** A pending section; {@link Pending#await()} never throws. */
    public final class Pending {
        private final String service;
        private final CompletableFuture<Section> future;

        private Pending(String service, CompletableFuture<Section> future) {
            this.service = service;
            this.future = future;
        }

        public Section await() {
            try {
                return future.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return Section.unavailable(service, timeoutReason(service));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Section.unavailable(service, "the gateway was interrupted while waiting for it");
            } catch (Exception e) {
                return Section.unavailable(service, "the " + service + " service could not be read: " + e);
            }
        }
    }

    /** Starts {@code GET <service><path>} and returns at once. */
    public Pending get(String service, String path) {
        URI base = services.get(service);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        CompletableFuture<Section> future = CompletableFuture.supplyAsync(() -> read(service, request), threads);
        return new Pending(service, future);
    }

    private Section read(String service, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return Section.available(service, JSON.readTree(response.body()));
            }
            if (response.statusCode() == 404) {
                return new Section(Section.Status.UNAVAILABLE, service, null, NOT_FOUND);
            }
            return Section.unavailable(
                    service, "the " + service + " service answered " + response.statusCode() + "; try again shortly");
        } catch (HttpTimeoutException e) {
            return Section.unavailable(service, timeoutReason(service));
        } catch (IOException e) {
            return Section.unavailable(service, "the " + service + " service cannot be reached right now");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Section.unavailable(service, "interrupted");
        } catch (RuntimeException e) {
            return Section.unavailable(service, "the " + service + " service sent an answer that is not JSON");
        }
    }

    static final String NOT_FOUND = "not found";

    private String timeoutReason(String service) {
        return "the " + service + " service did not answer within " + timeout.toMillis() + " ms";
    }

    @Override
    public void close() {
        threads.shutdownNow();
        client.close();
    }
}
