package it.osservatorio.deploy;

import de.bwaldvogel.mongo.MongoServer;
import it.osservatorio.deploy.mongo.FastUniqueIndexH2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The MongoDB wire-protocol server of the embedded platform, keeping its data in one H2 file so that it survives a
 * restart. Runs as its own process: {@code EmbeddedMongoServer <port> <file>}; SIGTERM closes the file cleanly.
 */
public final class EmbeddedMongoServer {

    private EmbeddedMongoServer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.getParent());
        FastUniqueIndexH2Backend backend = new FastUniqueIndexH2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            backend.close();
                            stopped.countDown();
                        },
                        "mongo-stop"));
        System.out.println("MongoDB wire-protocol server on 127.0.0.1:" + port + ", data in " + file);
        stopped.await();
    }
}
