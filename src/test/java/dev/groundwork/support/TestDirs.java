package dev.groundwork.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Gives each integration test class folders of its own for the ingest folder and the index. */
public final class TestDirs {

    private TestDirs() {
    }

    /**
     * Creates a fresh root folder and points {@code groundwork.ingest.dir}, {@code groundwork.index.dir} and
     * {@code groundwork.security.keys-file} into it.
     */
    public static Path register(DynamicPropertyRegistry registry) {
        try {
            Path root = Files.createTempDirectory("groundwork-test-");
            registry.add("groundwork.ingest.dir", () -> root.resolve("ingest").toString());
            registry.add("groundwork.index.dir", () -> root.resolve("index").toString());
            registry.add("groundwork.security.keys-file", () -> root.resolve("keys/api-keys.json").toString());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
