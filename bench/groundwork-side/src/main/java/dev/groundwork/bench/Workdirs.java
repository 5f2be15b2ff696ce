package dev.groundwork.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders the bench owns under bench/target. */
final class Workdirs {

    private Workdirs() {
    }

    static void recreate(Path dir) throws IOException {
        delete(dir);
        Files.createDirectories(dir);
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
