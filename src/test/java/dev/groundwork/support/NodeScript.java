package dev.groundwork.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs node and npm for the tests that drive the service with clients from npm, and says whether they are here. */
public final class NodeScript {

    /** How a command ended: its exit code (-1 when it was killed at its time limit) and its output, both streams. */
    public record Ran(int exit, String output) {
    }

    private NodeScript() {
    }

    /**
     * Copies a test client's files from {@code src/test/node/NAME} into {@code target/NAME-node} and installs its pinned
     * packages there (once; npm keeps what it has). Skips the calling test, saying why also on the console, only where
     * node or npm is missing.
     *
     * @return the folder to run the client's script in
     */
    public static Path install(String name, List<String> files, String what) throws IOException {
        for (String tool : List.of("node", "npm")) {
            if (!available(tool)) {
                String reason = tool + " is not on this machine (" + tool + " --version failed), so " + what
                        + " is not tried";
                System.out.println("SKIPPED: " + reason);
                Assumptions.assumeTrue(false, reason);
            }
        }
        Path work = Path.of("target", name + "-node");
        Files.createDirectories(work);
        for (String file : files) {
            Files.copy(Path.of("src/test/node", name, file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Ran install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), work, Map.of(), 300);
        assertThat(install.exit()).as("npm install: " + install.output()).isZero();
        return work;
    }

    /** Whether {@code tool --version} runs. */
    public static boolean available(String tool) {
        try {
            return run(List.of(tool, "--version"), Path.of("."), Map.of(), 30).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public static Ran run(List<String> command, Path directory, Map<String, String> environment, int timeoutSeconds)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            // output is read on its own thread so that a chatty process cannot fill the pipe and stall
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("(output unreadable: ").append(e.getMessage()).append(')');
                }
            });
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                reader.join(5000);
                return new Ran(-1, output + "\n(killed after " + timeoutSeconds + " s)");
            }
            reader.join(5000);
            return new Ran(process.exitValue(), output.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
