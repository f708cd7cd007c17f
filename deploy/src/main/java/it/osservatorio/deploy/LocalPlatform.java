package it.osservatorio.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole platform on one machine: a real Kafka broker (KRaft), the MongoDB wire-protocol server on disk and the
 * five services, each its own process, and in this process a demo mail sink that notifications-service sends its
 * mails to. Data lives in the home directory, so stopping and starting keeps it (the demo mails excepted).
 */
public final class LocalPlatform implements AutoCloseable {

    public static final List<String> SERVICES =
            List.of("registry", "projects", "indicators", "notifications", "gateway");
    private static final Duration STARTUP = Duration.ofMinutes(3);
    static final String DEMO_DATA_ARGUMENT = "--osservatorio.demo.enabled=true";

    private final PlatformConfig config;
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private ChildProcess mongo;
    private ChildProcess kafka;
    private DemoMailSink mail;
    private String adminKey;

    private LocalPlatform(PlatformConfig config) {
        this.config = config;
    }

    public static LocalPlatform start(PlatformConfig config) {
        LocalPlatform platform = new LocalPlatform(config);
        try {
            platform.startAll();
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    private void startAll() {
        Secrets.ensureKeyPair(config.keys());
        adminKey = Secrets.ensureAdminKey(config.home());
        progress("starting MongoDB wire-protocol server on port " + config.mongoPort());
        mongo = new ChildProcess(
                        "mongo",
                        JavaCommand.mainClass(
                                EmbeddedMongoServer.class.getName(),
                                "512m",
                                List.of(
                                        Integer.toString(config.mongoPort()),
                                        config.home()
                                                .resolve("mongo/osservatorio.mv.db")
                                                .toString())),
                        config.logs().resolve("mongo.log"))
                .start();
        progress("starting the demo mail sink: SMTP on port " + config.smtpPort() + ", IMAP on port "
                + config.imapPort());
        mail = DemoMailSink.start(config.smtpPort(), config.imapPort());
        progress("starting Kafka broker (KRaft) on port " + config.kafkaPort());
        CompletableFuture<ChildProcess> broker = CompletableFuture.supplyAsync(() -> new KafkaNode(config).start());
        mongo.awaitPort(config.mongoPort(), Duration.ofSeconds(60));
        kafka = broker.join();
        for (String name : SERVICES) {
            services.put(name, serviceProcess(name));
        }
        List<String> backends = SERVICES.subList(0, SERVICES.size() - 1);
        progress("starting " + String.join(", ", backends) + " and gateway");
        for (String name : SERVICES) {
            startService(name, List.of());
        }
        List<CompletableFuture<Void>> health = new ArrayList<>();
        for (String name : SERVICES) {
            health.add(CompletableFuture.runAsync(() -> awaitHealthy(name)));
        }
        CompletableFuture.allOf(health.toArray(CompletableFuture[]::new)).join();
    }

    private ChildProcess serviceProcess(String name) {
        String module = name.equals("gateway") ? "gateway" : name + "-service";
        Path jar = config.repository().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./start.sh does, or mvn install)");
        }
        List<String> command = new ArrayList<>(List.of(
                JavaCommand.java(),
                "-Xmx768m",
                "-XX:+UseSerialGC",
                // Seven JVMs share the machine: C2's compilations kept two cores a third busy under load
                // (ADR 0008), while C1 alone compiles once, quickly, to code fast enough for these services.
                "-XX:TieredStopAtLevel=1",
                "-DOSSERVATORIO_HOME=" + config.home(),
                "-jar",
                jar.toString(),
                "--server.port=" + port(name),
                "--spring.mongodb.uri=" + config.mongoUri("osservatorio_" + name),
                "--spring.kafka.bootstrap-servers=" + config.kafkaBootstrap()));
        Path publicKey = config.keys().resolve("identity-public.pem").toAbsolutePath();
        if (name.equals("gateway")) {
            command.addAll(List.of(
                    "--osservatorio.identity.private-key-location=file:"
                            + config.keys().resolve("identity-private.pem").toAbsolutePath(),
                    "--osservatorio.identity.public-key-location=file:" + publicKey,
                    "--osservatorio.gateway.admin-key=" + adminKey,
                    "--osservatorio.gateway.services.registry=http://127.0.0.1:" + config.registryPort(),
                    "--osservatorio.gateway.services.projects=http://127.0.0.1:" + config.projectsPort(),
                    "--osservatorio.gateway.services.indicators=http://127.0.0.1:" + config.indicatorsPort(),
                    "--osservatorio.gateway.services.notifications=http://127.0.0.1:" + config.notificationsPort()));
        } else {
            command.add("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
        }
        if (name.equals("notifications")) {
            // links in mails point at the gateway; mails go to the demo sink; the local demo may post webhooks to a
            // receiver on this machine
            command.addAll(List.of(
                    "--osservatorio.notifications.public-base-url=http://localhost:" + config.gatewayPort()
                            + "/api/notifications",
                    "--spring.mail.host=" + DemoMailSink.HOST,
                    "--spring.mail.port=" + config.smtpPort(),
                    "--osservatorio.notifications.webhooks.allowed-hosts=localhost,127.0.0.1"));
        }
        return new ChildProcess(name, command, config.logs().resolve(name + ".log"));
    }

    /** Starts (or restarts) one service with extra arguments, without waiting for it. */
    public void startService(String name, List<String> extraArguments) {
        List<String> arguments = new ArrayList<>(config.extraArguments().getOrDefault(name, List.of()));
        arguments.addAll(extraArguments);
        service(name).start(arguments);
    }

    public void awaitHealthy(String name) {
        service(name).awaitHealthy(port(name), STARTUP);
    }

    public ChildProcess service(String name) {
        ChildProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No service " + name + "; services are " + SERVICES);
        }
        return process;
    }

    public int port(String name) {
        return switch (name) {
            case "gateway" -> config.gatewayPort();
            case "registry" -> config.registryPort();
            case "projects" -> config.projectsPort();
            case "indicators" -> config.indicatorsPort();
            case "notifications" -> config.notificationsPort();
            default -> throw new IllegalArgumentException("No service " + name);
        };
    }

    public String url(String name) {
        return "http://localhost:" + port(name);
    }

    public String adminKey() {
        return adminKey;
    }

    /** The demo mail sink every mail of notifications-service goes to. */
    public DemoMailSink mail() {
        return mail;
    }

    public PlatformConfig config() {
        return config;
    }

    @Override
    public void close() {
        List<String> reverse = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(reverse);
        reverse.stream()
                .map(services::get)
                .map(p -> CompletableFuture.runAsync(() -> p.stop(Duration.ofSeconds(20))))
                .toList()
                .forEach(CompletableFuture::join);
        if (kafka != null) {
            kafka.stop(Duration.ofSeconds(30));
        }
        if (mongo != null) {
            mongo.stop(Duration.ofSeconds(20));
        }
        if (mail != null) {
            mail.close();
        }
    }

    private static void progress(String message) {
        System.out.println("[osservatorio] " + message);
    }

    /**
     * The configuration of the start command: the default ports, and the registry and projects-service load their
     * demo data (clusters, filiere and their members, ADR 0013; the pact's projects, FANGHI and the calls of the
     * seeds, ADRs 0016 and 0022; illustrative values of the pact's indicators, ADR 0019), which they do idempotently
     * on every start. Tests and benchmarks start
     * the platform with their own configuration and get no demo data.
     */
    static PlatformConfig startCommandConfig(Path home, Path repository) {
        return PlatformConfig.defaults(home, repository)
                .withExtraArguments(Map.of(
                        "registry",
                        List.of(DEMO_DATA_ARGUMENT),
                        "projects",
                        List.of(DEMO_DATA_ARGUMENT),
                        "indicators",
                        List.of(DEMO_DATA_ARGUMENT)));
    }

    public static void main(String[] args) throws InterruptedException {
        Path repository = Path.of(System.getProperty("osservatorio.repository", "."))
                .toAbsolutePath()
                .normalize();
        String homeSetting = System.getenv()
                .getOrDefault(
                        "OSSERVATORIO_HOME", repository.resolve(".osservatorio").toString());
        PlatformConfig config = startCommandConfig(Path.of(homeSetting).toAbsolutePath(), repository);
        long started = System.nanoTime();
        LocalPlatform platform = start(config);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            progress("stopping...");
                            platform.close();
                            progress("stopped; data kept in " + config.home());
                        },
                        "osservatorio-stop"));
        String gateway = platform.url("gateway");
        System.out.printf(
                """

                Osservatorio is up in %d s (data in %s, logs in %s)
                  Gateway      %s
                  Swagger UI   %s/swagger-ui.html
                  Live stream  curl -N %s/api/stream
                  Kafka        %s      MongoDB  %s
                  Demo mail    every mail of notifications-service, read by IMAP on 127.0.0.1:%d
                               (user name: the address, any password; SMTP on port %d)
                  Admin key    %s

                  Try: curl -s -X POST %s/api/admin/institutions -H 'Authorization: Bearer %s' \\
                         -H 'Content-Type: application/json' -d '{"id":"camera-commercio-cremona","name":"Camera di Commercio di Cremona"}'

                Press Ctrl-C to stop.
                """,
                (System.nanoTime() - started) / 1_000_000_000L,
                config.home(),
                config.logs(),
                gateway,
                gateway,
                gateway,
                config.kafkaBootstrap(),
                config.mongoUri(""),
                config.imapPort(),
                config.smtpPort(),
                platform.adminKey(),
                gateway,
                platform.adminKey());
        new java.util.concurrent.CountDownLatch(1).await();
    }
}
