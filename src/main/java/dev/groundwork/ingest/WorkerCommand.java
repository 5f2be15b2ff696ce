package dev.groundwork.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.util.unit.DataSize;

/**
 * The command line that starts a worker JVM: the service's own Java, the service's own classes, a heap of
 * its own. Run from the Spring Boot jar, the worker goes through Boot's {@code PropertiesLauncher} (with
 * {@code loader.main}), which reads the libraries nested in the jar; run from classes on disk (tests, an IDE),
 * it gets the same class path as the service.
 */
record WorkerCommand(List<String> arguments) {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    WorkerCommand {
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("empty worker command");
        }
    }

    /** The command of a parse worker under the given limits. */
    static WorkerCommand parseWorker(ParseLimits limits, DataSize heap) {
        List<String> jvmOptions = List.of(
                "-Xmx" + heap.toMegabytes() + "m",
                "-XX:+ExitOnOutOfMemoryError", // the service reports the document as needing too much memory
                "-XX:+DisplayVMOutputToStderr", // the JVM's own messages ("Terminating due to ...") stay off the replies
                "-XX:+UseSerialGC",            // one parse at a time: the smallest, quickest-starting collector
                // C1 only: a worker lives for a few hundred documents of many formats, and C2 compiling its parsers
                // took twice the CPU of the parsing itself, taken from the encoder (docs/speed.md)
                "-XX:TieredStopAtLevel=1",
                "-Xss4m",                      // recursive parsers go deep on legitimately nested files
                "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=groundwork-parse-worker-logback.xml");
        List<String> arguments = new ArrayList<>(limits.toArguments());
        arguments.add(ParseWorker.PARENT_PID + ProcessHandle.current().pid());
        return of(ParseWorker.class, jvmOptions, arguments);
    }

    /** A JVM running {@code mainClass} of the service's class path (tests use it for stand-in workers). */
    static WorkerCommand of(Class<?> mainClass, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String classPath = Objects.requireNonNull(System.getProperty("java.class.path"), "java.class.path");
        command.add("-cp");
        command.add(classPath);
        if (runsFromBootJar(mainClass)) {
            command.add("-Dloader.main=" + mainClass.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(mainClass.getName());
        }
        command.addAll(arguments);
        return new WorkerCommand(command);
    }

    /** Classes nested in a Boot jar come from {@code jar:nested:} URLs; {@code java -jar} makes that jar the class path. */
    private static boolean runsFromBootJar(Class<?> mainClass) {
        var source = mainClass.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null
                && source.getLocation().toString().startsWith("jar:nested:");
    }
}
