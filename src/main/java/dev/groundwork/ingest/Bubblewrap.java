package dev.groundwork.ingest;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a parse worker inside bubblewrap ({@code bwrap}, Debian's {@code bubblewrap}): in namespaces of its own, so
 * it has no network, sees no other process (the service's environment in {@code /proc} included), and sees no file
 * but the system's libraries ({@code /usr}), a few files of {@code /etc} the JVM reads, the JDK, the class path, a
 * private {@code /tmp}, and its inbox, read-only. Optional: where bwrap is missing or cannot make namespaces (some
 * containers forbid it), workers run unconfined, and the service says so at start-up.
 */
final class Bubblewrap implements WorkerSandbox {

    private static final List<String> SYSTEM_DIRS = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");
    /** What the JVM reads in /etc: the dynamic linker's cache, time zone, users and groups, fonts, the JDK's own. */
    private static final List<String> ETC_FILES = List.of("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime",
            "timezone", "passwd", "group", "nsswitch.conf", "fonts");
    private static final long PROBE_SECONDS = 30;

    private final Path bwrap;
    private final List<String> binds;

    private Bubblewrap(Path bwrap) {
        this.bwrap = bwrap;
        this.binds = binds();
    }

    /** Bubblewrap, if it is installed and can confine a JVM here; else why not, in words. */
    static Availability detect() {
        return Detected.AVAILABILITY;
    }

    /** Whether bubblewrap confines workers here, and if not, why not. */
    record Availability(Optional<Bubblewrap> sandbox, String reason) {
    }

    @Override
    public List<String> wrap(List<String> command, Path inbox) {
        List<String> wrapped = new ArrayList<>();
        wrapped.add(bwrap.toString());
        wrapped.addAll(List.of("--unshare-all", "--new-session", "--chdir", "/tmp"));
        if (runsAsRoot()) {
            wrapped.addAll(List.of("--cap-drop", "ALL")); // root inside would still pass file permissions
        }
        // the private /tmp first: mounts are laid in order, and a jar or an inbox under /tmp must go on top of it
        wrapped.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        wrapped.addAll(binds);
        String inside = inbox.toAbsolutePath().toString();
        wrapped.addAll(List.of("--ro-bind", inside, inside, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    @Override
    public boolean confinesFiles() {
        return true;
    }

    @Override
    public String toString() {
        return "bubblewrap (" + bwrap + ")";
    }

    /** Read-only binds of the system, the JDK and the class path, each at the path the worker is given. */
    private static List<String> binds() {
        Map<String, String> readOnly = new LinkedHashMap<>();
        List<String> binds = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
        for (String dir : SYSTEM_DIRS) {
            Path path = Path.of(dir);
            if (Files.isSymbolicLink(path)) {
                try {
                    binds.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), dir));
                } catch (IOException e) {
                    // an unreadable link: left out, as a missing folder is
                }
            } else if (Files.isDirectory(path)) {
                readOnly.put(dir, dir);
            }
        }
        for (String name : ETC_FILES) {
            readOnly.put("/etc/" + name, "/etc/" + name);
        }
        try (Stream<Path> etc = Files.list(Path.of("/etc"))) {
            // Debian's JDKs link their configuration from /etc/java-NN-openjdk
            etc.filter(path -> path.getFileName().toString().startsWith("java"))
                    .forEach(path -> readOnly.put(path.toString(), path.toString()));
        } catch (IOException e) {
            // no /etc to read: nothing of it is bound
        }
        addOutsideUsr(readOnly, Path.of(System.getProperty("java.home")));
        for (String entry : WorkerCommand.absoluteClassPath().split(File.pathSeparator)) {
            addOutsideUsr(readOnly, Path.of(entry));
        }
        readOnly.forEach((source, target) -> binds.addAll(List.of("--ro-bind-try", source, target)));
        return binds;
    }

    private static void addOutsideUsr(Map<String, String> readOnly, Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            Path real = absolute.toRealPath();
            if (!real.startsWith("/usr") || !absolute.startsWith("/usr")) {
                readOnly.put(real.toString(), absolute.toString());
            }
        } catch (IOException e) {
            // a class path entry that does not exist: nothing to bind
        }
    }

    private static boolean runsAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** What the probe runs in the sandbox: a main class of the worker's class path, which does nothing. */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) {
            // loaded and run: the JDK, the class path and the launcher are all there
        }
    }

    /** Looked for once: on the PATH, then where Debian installs it. */
    private static final class Detected {
        static final Availability AVAILABILITY = detect();

        private static Availability detect() {
            Optional<Path> found = locate();
            if (found.isEmpty()) {
                return new Availability(Optional.empty(), "bwrap (Debian's bubblewrap) is not installed");
            }
            Bubblewrap sandbox = new Bubblewrap(found.get());
            String failure = probe(sandbox);
            return failure == null ? new Availability(Optional.of(sandbox), "bubblewrap works here")
                    : new Availability(Optional.empty(), failure);
        }

        private static Optional<Path> locate() {
            List<String> dirs = new ArrayList<>();
            String path = System.getenv("PATH");
            if (path != null) {
                dirs.addAll(List.of(path.split(File.pathSeparator)));
            }
            dirs.addAll(List.of("/usr/bin", "/bin", "/usr/local/bin"));
            return dirs.stream().filter(dir -> !dir.isEmpty()).map(dir -> Path.of(dir, "bwrap"))
                    .filter(Files::isExecutable).findFirst();
        }

        /**
         * Starts a JVM in the sandbox as a worker is started (same Java, class path and launcher), running
         * {@link Probe}: null when it ran, else why not.
         */
        private static String probe(Bubblewrap sandbox) {
            try (WorkerInbox inbox = WorkerInbox.create()) {
                WorkerCommand probe = WorkerCommand.of(Probe.class, List.of("-Xmx32m"), List.of());
                ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(probe.arguments(), inbox.dir()))
                        .redirectErrorStream(true);
                builder.environment().clear();
                builder.environment().putAll(probe.environment());
                Process process = builder.start();
                process.getOutputStream().close();
                byte[] output;
                try (InputStream in = process.getInputStream()) {
                    output = in.readNBytes(4096);
                }
                if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return "bwrap did not start a JVM within " + PROBE_SECONDS + " s";
                }
                if (process.exitValue() != 0) {
                    String said = new String(output, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                    return "bwrap cannot confine a JVM here (exit code " + process.exitValue() + "): "
                            + WorkerOutput.escape(said.length() > 200 ? said.substring(0, 200) : said);
                }
                return null;
            } catch (IOException | RuntimeException e) {
                return "bwrap cannot be run: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while trying bwrap";
            }
        }
    }
}
