package it.osservatorio.deploy;

import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs, on the same JDK as this one. */
final class JavaCommand {

    private JavaCommand() {}

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A main class from this module's classpath (the Kafka broker, the MongoDB server). */
    static List<String> mainClass(String mainClass, String maxHeap, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Xmx" + maxHeap,
                // as the services (ADR 0008): on two shared cores G1's concurrent threads and barriers cost more
                // than the serial collector's short pauses; the MongoDB server's page writes also churn buffers
                // large enough to be humongous for G1
                "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(arguments);
        return command;
    }
}
