package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundwork.ingest.ParseProtocol.Parsed;
import dev.groundwork.ingest.ParseProtocol.Reply;
import dev.groundwork.ingest.ParseProtocol.Request;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * What a parse worker can reach: never the service's environment; inside bubblewrap, where the machine has it, no
 * network, no process of the service and no file but its input. The bubblewrap tests are skipped, with the reason
 * printed, where bubblewrap is missing or cannot make namespaces; the rest run everywhere.
 */
class WorkerSandboxTests {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void closePools() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    private ParseWorkerPool pool(WorkerCommand command) {
        ParseWorkerPool pool = new ParseWorkerPool(command, ParseLimits.defaults(1_000_000), 1, 50, START, TestThreads.watchdog());
        closing.add(pool);
        return pool;
    }

    private static WorkerCommand standIn(Class<?> mainClass, String... arguments) {
        return WorkerCommand.of(mainClass, List.of("-Xmx64m"), List.of(arguments));
    }

    private static String text(Reply reply) {
        assertThat(reply).isInstanceOf(Parsed.class);
        return ((Parsed) reply).document().pages().get(0).text();
    }

    private static Bubblewrap bubblewrap() {
        Bubblewrap.Availability availability = Bubblewrap.detect();
        if (availability.sandbox().isEmpty()) {
            System.out.println("WorkerSandboxTests: bubblewrap tests skipped: " + availability.reason());
        }
        assumeTrue(availability.sandbox().isPresent(), () -> "bubblewrap tests skipped: " + availability.reason());
        return availability.sandbox().get();
    }

    @Test
    void aWorkerGetsAMinimalPathAndTheLocaleButNothingElseOfTheServicesEnvironment() throws IOException {
        Path file = dir.resolve("any.txt");
        Files.writeString(file, "text");
        assertThat(System.getenv().keySet()).as("this test's own environment holds more than the worker may see")
                .contains("HOME");

        String environment = text(pool(standIn(StandInWorkers.EnvironmentEcho.class)).parse(new Request(file, "any.txt"), TIME_LIMIT));

        Map<String, String> seen = environment.lines().map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        // names only in the assertions: a failure must not print the values of the service's environment
        assertThat(seen.keySet()).isSubsetOf("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ");
        assertThat(seen.get("PATH")).isEqualTo("/usr/bin:/bin");
    }

    @Test
    void theLlmKeyAndEverythingElseOfTheServicesEnvironmentStayBehind() {
        Map<String, String> service = Map.of("GROUNDWORK_LLM_API_KEY", "sk-secret", "OPENAI_API_KEY", "sk-other",
                "PATH", "/opt/tools/bin:/usr/bin", "HOME", "/home/groundwork", "LANG", "de_DE.UTF-8", "TZ", "Europe/Berlin",
                "JAVA_TOOL_OPTIONS", "-Dgroundwork.llm.api-key=sk-secret");

        assertThat(WorkerCommand.minimalEnvironment(service))
                .containsExactlyInAnyOrderEntriesOf(Map.of("PATH", "/usr/bin:/bin", "LANG", "de_DE.UTF-8", "TZ", "Europe/Berlin"));
    }

    @Test
    void autoRunsWorkersUnconfinedWhereBubblewrapIsMissingAndBubblewrapRefusesToStart() {
        Bubblewrap.Availability missing = new Bubblewrap.Availability(Optional.empty(), "bwrap (Debian's bubblewrap) is not installed");

        assertThat(ParserConfiguration.sandbox(ParseSettings.Sandbox.AUTO, missing)).isSameAs(WorkerSandbox.NONE);
        assertThat(ParserConfiguration.sandbox(ParseSettings.Sandbox.NONE, missing)).isSameAs(WorkerSandbox.NONE);
        assertThatThrownBy(() -> ParserConfiguration.sandbox(ParseSettings.Sandbox.BUBBLEWRAP, missing))
                .hasMessageContaining("is not installed");
    }

    @Test
    void inBubblewrapAWorkerReadsItsInputButNoOtherFileNoNetworkAndNoServiceProcess() throws Exception {
        Bubblewrap sandbox = bubblewrap();
        Path input = dir.resolve("input.txt");
        Files.writeString(input, "the document");
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "a secret of the service");
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String probe = "read:" + secret + " port:" + listening.getLocalPort() + " pid:" + ProcessHandle.current().pid();

            String unconfined = text(pool(standIn(StandInWorkers.SandboxProbe.class)).parse(new Request(input, probe), TIME_LIMIT));
            String confined = text(pool(standIn(StandInWorkers.SandboxProbe.class).inSandbox(sandbox))
                    .parse(new Request(input, probe), TIME_LIMIT));

            assertThat(unconfined.lines()).as("the probe, unconfined, reaches everything")
                    .containsExactly("input=yes", "other-file=yes", "network=yes", "service-process=yes");
            assertThat(confined.lines()).as("the probe in bubblewrap")
                    .containsExactly("input=yes", "other-file=no", "network=no", "service-process=no");
        }
    }

    @Test
    void inBubblewrapARealWorkerParsesExactlyWhatTheServiceWouldParseItself() throws IOException {
        Bubblewrap sandbox = bubblewrap();
        ParseLimits limits = ParseLimits.defaults(1_000_000);
        Path pdf = dir.resolve("Prüfbericht – März.pdf");
        Files.write(pdf, Fixtures.pdf("The first page talks about apples.", "The second page about pears."));
        IsolatedDocumentParser confined = new IsolatedDocumentParser(new ParseWorkerPool(
                WorkerCommand.parseWorker(limits, DataSize.ofMegabytes(256), sandbox), limits, 1, 50, START,
                TestThreads.watchdog()), TIME_LIMIT);
        closing.add(confined);

        assertThat(confined.parse(pdf, "Prüfbericht – März.pdf"))
                .isEqualTo(new TikaDocumentParser(limits).parse(pdf, "Prüfbericht – März.pdf"));
        assertThatThrownBy(() -> confined.parse(dir.resolve("gone.pdf"), "gone.pdf")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aWorkerKilledAtTheTimeLimitLeavesNoProcessBehindInsideBubblewrap() throws Exception {
        Bubblewrap sandbox = bubblewrap();
        String marker = "stand-in-" + UUID.randomUUID();
        Path file = dir.resolve("any.txt");
        Files.writeString(file, "text");

        Reply reply = pool(standIn(StandInWorkers.Silent.class, marker).inSandbox(sandbox))
                .parse(new Request(file, "any.txt"), Duration.ofSeconds(2));

        assertThat(reply).extracting("reason").isEqualTo(Reason.TIMEOUT);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (running(marker) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(running(marker)).as("a process of the killed worker is still running").isFalse();
    }

    @Test
    void filesUnderTmpAreBoundAboveTheWorkersPrivateTmp() {
        Bubblewrap sandbox = bubblewrap();
        // java -jar /tmp/app/groundwork.jar puts the class path under /tmp: it must not be hidden by the private /tmp
        List<String> wrapped = sandbox.wrap(List.of("java", "-version"), Path.of("/tmp/groundwork-parse-inbox"));

        int tmpfs = wrapped.indexOf("--tmpfs");
        assertThat(wrapped.get(tmpfs + 1)).isEqualTo("/tmp");
        for (int i = 0; i < wrapped.size(); i++) {
            if (wrapped.get(i).startsWith("--ro-bind")) {
                assertThat(i).as("a bind of " + wrapped.get(i + 2) + " comes after the private /tmp").isGreaterThan(tmpfs);
            }
        }
        assertThat(wrapped).containsSubsequence("--ro-bind", "/tmp/groundwork-parse-inbox", "/tmp/groundwork-parse-inbox", "--", "java");
    }

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses().anyMatch(process -> process.info().commandLine().orElse("").contains(marker));
    }
}
