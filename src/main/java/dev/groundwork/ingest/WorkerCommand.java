package dev.groundwork.ingest;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.util.unit.DataSize;

/**
 * The command line that starts a worker JVM: the service's own Java, the service's own classes, a heap of
 * its own. Run from the Spring Boot jar, the worker goes through Boot's {@code PropertiesLauncher} (with
 * {@code loader.main}), which reads the libraries nested in the jar; run from classes on disk (tests, an IDE),
 * it gets the same class path as the service. A worker never gets the service's environment (the LLM's API key may
 * be there): only a minimal {@code PATH} and the locale and time zone, which the JVM reads.
 *
 * @param arguments   the JVM's command line
 * @param environment the worker's whole environment
 * @param sandbox     how the worker is confined
 */
record WorkerCommand(List<String> arguments, Map<String, String> environment, WorkerSandbox sandbox) {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    /** The only PATH a worker gets: Tika's parsers as configured run no program, and nothing else should. */
    static final String MINIMAL_PATH = "/usr/bin:/bin";
    /** What a worker keeps of the service's environment: the JVM takes file name encoding and time zone from them. */
    private static final List<String> KEPT = List.of("LANG", "LC_ALL", "LC_CTYPE", "TZ");

    WorkerCommand {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(sandbox, "sandbox");
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("empty worker command");
        }
    }

    /** The command of a parse worker under the given limits. */
    static WorkerCommand parseWorker(ParseLimits limits, DataSize heap, WorkerSandbox sandbox) {
        return parseWorker(limits, OcrOptions.OFF, heap, sandbox);
    }

    /** The command of a parse worker under the given limits, reading scans by OCR as {@code ocr} says. */
    static WorkerCommand parseWorker(ParseLimits limits, OcrOptions ocr, DataSize heap, WorkerSandbox sandbox) {
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
        arguments.addAll(ocr.toArguments());
        return of(ParseWorker.class, jvmOptions, arguments).inSandbox(sandbox);
    }

    /** A JVM running {@code mainClass} of the service's class path (tests use it for stand-in workers). */
    static WorkerCommand of(Class<?> mainClass, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(absoluteClassPath());
        if (runsFromBootJar(mainClass)) {
            command.add("-Dloader.main=" + mainClass.getName());
            command.add(BOOT_LAUNCHER);
        } else {
            command.add(mainClass.getName());
        }
        command.addAll(arguments);
        return new WorkerCommand(command, minimalEnvironment(System.getenv()), WorkerSandbox.NONE);
    }

    /**
     * The service's class path with every entry absolute: {@code java -jar target/groundwork.jar} gives a relative one,
     * and a sandboxed worker starts in another folder.
     */
    static String absoluteClassPath() {
        String classPath = Objects.requireNonNull(System.getProperty("java.class.path"), "java.class.path");
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }

    /** What a worker's environment holds of the service's: a fixed PATH, the locale and the time zone. */
    static Map<String, String> minimalEnvironment(Map<String, String> service) {
        Map<String, String> environment = new TreeMap<>();
        environment.put("PATH", MINIMAL_PATH);
        for (String name : KEPT) {
            String value = service.get(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        return environment;
    }

    WorkerCommand inSandbox(WorkerSandbox sandbox) {
        return new WorkerCommand(arguments, environment, sandbox);
    }

    /** The same command with one variable of its environment set (tests put stand-in programs on the PATH). */
    WorkerCommand withEnvironment(String name, String value) {
        Map<String, String> changed = new TreeMap<>(environment);
        changed.put(name, value);
        return new WorkerCommand(arguments, changed, sandbox);
    }

    /** Classes nested in a Boot jar come from {@code jar:nested:} URLs; {@code java -jar} makes that jar the class path. */
    private static boolean runsFromBootJar(Class<?> mainClass) {
        var source = mainClass.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null
                && source.getLocation().toString().startsWith("jar:nested:");
    }
}
