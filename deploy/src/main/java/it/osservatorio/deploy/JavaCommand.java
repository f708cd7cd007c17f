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
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        command.addAll(arguments);
        return command;
    }
}
