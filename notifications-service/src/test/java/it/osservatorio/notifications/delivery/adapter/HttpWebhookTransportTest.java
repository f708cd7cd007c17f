package it.osservatorio.notifications.delivery.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpWebhookTransportTest {

    @Test
    void shouldSendAgainOnAnotherConnectionWhenEndpointClosesOneWithoutAnswering() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread endpoint = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try (Socket connection = server.accept()) {
                        readRequest(connection);
                        if (requests.incrementAndGet() == 1) {
                            continue; // closes the connection: not one byte of an answer
                        }
                        OutputStream out = connection.getOutputStream();
                        out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            HttpWebhookTransport transport =
                    new HttpWebhookTransport(Duration.ofSeconds(2), Executors.newVirtualThreadPerTaskExecutor());

            var response = transport
                    .post(
                            URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook"),
                            Map.of("webhook-id", "msg_1"),
                            "{}".getBytes(StandardCharsets.UTF_8),
                            Duration.ofSeconds(5))
                    .get(10, TimeUnit.SECONDS);

            assertThat(response.status()).isEqualTo(204);
            assertThat(requests.get()).isEqualTo(2);
            server.close();
            endpoint.join(2_000);
        }
    }

    @Test
    void shouldNotSendAgainWhenFailureIsNotAClosedConnection() {
        assertThat(HttpWebhookTransport.closedBeforeAnswering(new java.net.http.HttpTimeoutException("timed out")))
                .isFalse();
        assertThat(HttpWebhookTransport.closedBeforeAnswering(
                        new IOException("HTTP/1.1 header parser received no bytes")))
                .isTrue();
    }

    private static void readRequest(Socket connection) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
        int contentLength = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                contentLength = Integer.parseInt(line.substring(15).trim());
            }
        }
        for (int i = 0; i < contentLength; i++) {
            in.read();
        }
    }
}
