package dev.groundwork.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads from /proc (Linux), grouped by name with the digits taken out: where the CPU
 * of a timed stretch went (JIT compilers, GC, encoder runs, parsing), native threads included.
 */
final class ThreadCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {
    }

    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = group(stat.substring(open + 1, close)).replaceAll("[0-9]+", "N").trim();
                    String[] rest = stat.substring(close + 2).split(" ");
                    double cpu = (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) / TICKS_PER_SECOND;
                    seconds.merge(name, cpu, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
            // the whole process, threads that have ended included
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            seconds.put("total", (Long.parseLong(rest[11]) + Long.parseLong(rest[12])) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return seconds;
    }

    /** CPU seconds spent between two snapshots, by thread group, largest first as text. */
    static String between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> spent = new TreeMap<>();
        after.forEach((name, cpu) -> {
            double delta = cpu - before.getOrDefault(name, 0.0);
            if (delta >= 0.05) {
                spent.put(name, delta);
            }
        });
        StringBuilder out = new StringBuilder();
        spent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(entry ->
                out.append(out.length() == 0 ? "" : ",").append(entry.getKey().replace(' ', '_'))
                        .append(':').append(String.format(java.util.Locale.ROOT, "%.1f", entry.getValue())));
        return out.toString();
    }

    private static String group(String name) {
        if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
            return "jit";
        }
        if (name.startsWith("G1") || name.startsWith("GC Thread") || name.startsWith("VM Thread")) {
            return "gc+vm";
        }
        return name;
    }
}
