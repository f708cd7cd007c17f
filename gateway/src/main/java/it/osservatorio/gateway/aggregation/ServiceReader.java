package it.osservatorio.gateway.aggregation;

import it.osservatorio.gateway.GatewayProperties;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Reads public data from the services for the aggregated views: every call starts at once on its own virtual thread
 * and is given up after the configured timeout, when its section becomes unavailable instead of failing the view.
 * Blocking Apache HttpClient calls on virtual threads (pooled connections, no hand-off to a selector thread); the
 * services' JSON is passed through unparsed.
 */
@Component
public class ServiceReader implements AutoCloseable {

    private final Map<String, URI> services;
    private final Duration timeout;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final CloseableHttpClient client;

    ServiceReader(GatewayProperties properties) {
        this.services = Map.of(
                "registry", properties.services().registry(),
                "projects", properties.services().projects(),
                "indicators", properties.services().indicators());
        this.timeout = properties.aggregation().timeout();
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(properties.services().connectionsPerService())
                        .setMaxConnTotal(3 * properties.services().connectionsPerService())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
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
        URI uri = URI.create(base.toString().replaceAll("/$", "") + path);
        CompletableFuture<Section> future = CompletableFuture.supplyAsync(() -> read(service, uri), threads);
        return new Pending(service, future);
    }

    private Section read(String service, URI uri) {
        HttpGet request = new HttpGet(uri);
        request.setHeader("Accept", "application/json");
        try {
            return client.execute(request, response -> {
                int status = response.getCode();
                if (status == 200) {
                    ContentType type = ContentType.parseLenient(
                            response.getEntity() == null
                                    ? null
                                    : response.getEntity().getContentType());
                    if (type == null || !type.getMimeType().contains("json")) {
                        return Section.unavailable(service, "the " + service + " service did not answer with JSON");
                    }
                    return Section.available(
                            service, EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
                }
                EntityUtils.consume(response.getEntity());
                if (status == 404) {
                    return new Section(Section.Status.UNAVAILABLE, service, null, NOT_FOUND);
                }
                return Section.unavailable(
                        service, "the " + service + " service answered " + status + "; try again shortly");
            });
        } catch (SocketTimeoutException e) {
            return Section.unavailable(service, timeoutReason(service));
        } catch (IOException e) {
            return Section.unavailable(service, "the " + service + " service cannot be reached right now");
        }
    }

    static final String NOT_FOUND = "the service has no such resource (404)";

    private String timeoutReason(String service) {
        return "the " + service + " service did not answer within " + timeout.toMillis() + " ms";
    }

    @Override
    public void close() {
        threads.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
