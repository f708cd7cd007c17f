package it.osservatorio.notifications.delivery.adapter;

import it.osservatorio.notifications.delivery.application.WebhookTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/** The JDK HTTP client, asynchronous: no thread waits on a slow endpoint. Redirects are not followed. */
public class HttpWebhookTransport implements WebhookTransport {

    /** Each pooled connection may be stale: a few tries cover the ones taken one after the other. */
    static final int STALE_CONNECTION_RESENDS = 2;

    private final HttpClient client;

    public HttpWebhookTransport(Duration connectTimeout, Executor executor) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @Override
    public CompletableFuture<Response> post(URI url, Map<String, String> headers, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("user-agent", "Osservatorio-Webhooks/1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build(), STALE_CONNECTION_RESENDS);
    }

    private CompletableFuture<Response> send(HttpRequest request, int resendsLeft) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Response(response.statusCode(), response.body()))
                .exceptionallyCompose(error -> resendsLeft > 0 && closedBeforeAnswering(error)
                        ? send(request, resendsLeft - 1)
                        : CompletableFuture.failedFuture(error));
    }

    /**
     * The endpoint closed a kept-alive connection the client took from its pool (servers close idle ones after a
     * while, or beyond a number): not one byte of an answer came back. The request goes again on another connection
     * at once instead of waiting for the first retry, minutes later; a receiver dedupes on {@code webhook-id} anyway.
     */
    static boolean closedBeforeAnswering(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof IOException
                && cause.getMessage() != null
                && cause.getMessage().contains("received no bytes");
    }
}
