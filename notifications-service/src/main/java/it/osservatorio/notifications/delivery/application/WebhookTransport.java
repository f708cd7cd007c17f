package it.osservatorio.notifications.delivery.application;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Posts a body without blocking a thread; completes with the response, or exceptionally on a network error. */
public interface WebhookTransport {

    CompletableFuture<Response> post(URI url, Map<String, String> headers, byte[] body, Duration timeout);

    record Response(int status, String body) {}
}
