package it.osservatorio.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the embedded platform keeps its data and which ports it uses.
 *
 * @param home data directory: Kafka log, MongoDB file, keys, admin key, logs
 * @param repository the checkout, where the service jars are built
 * @param extraArguments per service name, arguments added to its command line (e.g. for tests)
 * @param smtpPort where the demo mail sink takes notifications-service's mails
 * @param imapPort where the demo mail sink shows each address its mails
 */
public record PlatformConfig(
        Path home,
        Path repository,
        int kafkaPort,
        int controllerPort,
        int mongoPort,
        int gatewayPort,
        int registryPort,
        int projectsPort,
        int indicatorsPort,
        Map<String, List<String>> extraArguments,
        int notificationsPort,
        int smtpPort,
        int imapPort) {

    public static PlatformConfig defaults(Path home, Path repository) {
        return new PlatformConfig(
                home, repository, 9092, 9093, 27017, 8080, 8081, 8082, 8083, Map.of(), 8084, 3025, 3143);
    }

    /** Free ports everywhere, for tests and benchmarks that must not collide with a running platform. */
    public static PlatformConfig randomPorts(Path home, Path repository) {
        return new PlatformConfig(
                home,
                repository,
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                freePort(),
                Map.of(),
                freePort(),
                freePort(),
                freePort());
    }

    public PlatformConfig withExtraArguments(Map<String, List<String>> arguments) {
        return new PlatformConfig(
                home,
                repository,
                kafkaPort,
                controllerPort,
                mongoPort,
                gatewayPort,
                registryPort,
                projectsPort,
                indicatorsPort,
                Map.copyOf(arguments),
                notificationsPort,
                smtpPort,
                imapPort);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    public Path keys() {
        return home.resolve("keys");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
