package it.osservatorio.gateway;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param adminKey the local administrator's API key (from configuration, e.g. OSSERVATORIO_ADMIN_KEY)
 * @param services base URL of each service the gateway forwards to
 * @param stream live stream settings
 */
@ConfigurationProperties("osservatorio.gateway")
public record GatewayProperties(String adminKey, Services services, Stream stream) {

    public GatewayProperties {
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalStateException("Set osservatorio.gateway.admin-key (or the OSSERVATORIO_ADMIN_KEY"
                    + " environment variable) to the administrator's API key; ./start.sh generates one");
        }
        services = services == null ? new Services(null, null, null, null, null) : services;
        stream = stream == null ? new Stream(null, null, null) : stream;
    }

    /** @param connectionsPerService pooled connections the proxy keeps open to each service */
    public record Services(
            URI registry, URI projects, URI indicators, Integer connectionsPerService, URI notifications) {
        public Services {
            connectionsPerService = connectionsPerService == null ? 100 : connectionsPerService;
            registry = registry == null ? URI.create("http://localhost:8081") : registry;
            projects = projects == null ? URI.create("http://localhost:8082") : projects;
            indicators = indicators == null ? URI.create("http://localhost:8083") : indicators;
            notifications = notifications == null ? URI.create("http://localhost:8084") : notifications;
        }
    }

    /**
     * @param bufferSize events kept in memory for clients that reconnect with Last-Event-ID
     * @param clientQueue events waiting for one slow client before it is disconnected
     * @param heartbeat interval of the comment lines that keep idle connections open
     */
    public record Stream(Integer bufferSize, Integer clientQueue, Duration heartbeat) {
        public Stream {
            bufferSize = bufferSize == null ? 10_000 : bufferSize;
            clientQueue = clientQueue == null ? 1_000 : clientQueue;
            heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        }
    }

    /** Locations of the key pair the gateway signs forwarded identities with. */
    @ConfigurationProperties("osservatorio.identity")
    public record Identity(Resource privateKeyLocation, Resource publicKeyLocation, Duration tokenLifetime) {
        public Identity {
            tokenLifetime = tokenLifetime == null ? Duration.ofSeconds(60) : tokenLifetime;
        }
    }
}
