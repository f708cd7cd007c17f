package it.osservatorio.gateway;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * @param adminKey the local administrator's API key (from configuration, e.g. OSSERVATORIO_ADMIN_KEY)
 * @param services base URL of each service the gateway forwards to
 * @param stream live stream settings
 * @param rateLimit requests allowed per institution's API key
 * @param cors origins whose browser pages may call the API
 * @param aggregation the aggregated views' calls to the services
 * @param oauth the OAuth2 client credentials tokens the gateway issues to institutions
 */
@ConfigurationProperties("osservatorio.gateway")
public record GatewayProperties(
        String adminKey,
        Services services,
        Stream stream,
        RateLimit rateLimit,
        Cors cors,
        Aggregation aggregation,
        OAuth oauth) {

    public GatewayProperties {
        if (adminKey == null || adminKey.isBlank()) {
            throw new IllegalStateException("Set osservatorio.gateway.admin-key (or the OSSERVATORIO_ADMIN_KEY"
                    + " environment variable) to the administrator's API key; ./start.sh generates one");
        }
        services = services == null ? new Services(null, null, null, null, null) : services;
        stream = stream == null ? new Stream(null, null, null) : stream;
        rateLimit = rateLimit == null ? new RateLimit(null, null, null) : rateLimit;
        cors = cors == null ? new Cors(null) : cors;
        aggregation = aggregation == null ? new Aggregation(null) : aggregation;
        oauth = oauth == null ? new OAuth(null, null) : oauth;
    }

    /**
     * @param accessTokenLifetime how long an access token from {@code POST /oauth2/token} is valid: 1 minute to 1 day
     * @param signingKeyFile PKCS#8 PEM file of the RSA key the tokens are signed with; generated on first start when
     *     missing, kept so that tokens stay valid across restarts
     */
    public record OAuth(Duration accessTokenLifetime, java.nio.file.Path signingKeyFile) {
        public OAuth {
            accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(10) : accessTokenLifetime;
            signingKeyFile = signingKeyFile == null
                    ? java.nio.file.Path.of(".osservatorio", "keys", "oauth-signing-private.pem")
                    : signingKeyFile;
            if (accessTokenLifetime.compareTo(Duration.ofMinutes(1)) < 0
                    || accessTokenLifetime.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalStateException(
                        "osservatorio.gateway.oauth.access-token-lifetime must be between 1m and 1d, e.g. 10m");
            }
        }
    }

    /**
     * A token bucket per API key: {@code capacity} requests at once, refilled with {@code refill} requests every
     * {@code period}. The administrator's key is not limited.
     */
    public record RateLimit(Long capacity, Long refill, Duration period) {
        public RateLimit {
            capacity = capacity == null ? 600 : capacity;
            refill = refill == null ? 300 : refill;
            period = period == null ? Duration.ofSeconds(1) : period;
            if (capacity < 1 || refill < 1 || period.isNegative() || period.isZero()) {
                throw new IllegalStateException(
                        "osservatorio.gateway.rate-limit: capacity and refill must be at least 1, period positive");
            }
        }
    }

    /** @param allowedOrigins e.g. https://dashboard.example.org; empty (the default): no cross-origin calls */
    public record Cors(java.util.List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? java.util.List.of() : java.util.List.copyOf(allowedOrigins);
        }
    }

    /** @param timeout how long an aggregated view waits for each service before marking its section unavailable */
    public record Aggregation(Duration timeout) {
        public Aggregation {
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        }
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
