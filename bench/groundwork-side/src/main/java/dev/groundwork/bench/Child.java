package dev.groundwork.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One contender run in a JVM of its own, with its own classpath; its output goes to a log file. */
final class Child {

    private final Path java;
    private final List<String> jvmFlags;
    private final Path logs;

    Child(Path java, List<String> jvmFlags, Path logs) {
        this.java = java;
        this.jvmFlags = jvmFlags;
        this.logs = logs;
    }

    /** Runs the main class and gives back its {@code RESULT} lines, each parsed. */
    List<Map<String, String>> run(String name, String classpath, List<String> extraFlags, String mainClass,
                                  List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        List<Map<String, String>> results = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(Result.PREFIX)) {
                results.add(Result.parse(line));
            }
        }
        System.err.printf("  %-28s %6.1f s%s%n", name, (System.nanoTime() - started) / 1e9,
                exit == 0 ? "" : "  FAILED (exit " + exit + ", see " + log + ")");
        if (exit != 0 || results.isEmpty()) {
            throw new IllegalStateException(name + " failed (exit " + exit + "); its output is in " + log);
        }
        return results;
    }
}
