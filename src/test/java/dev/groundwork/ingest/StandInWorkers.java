package dev.groundwork.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Worker main classes that misbehave on purpose, to test the pool without relying on a parser bug. */
final class StandInWorkers {

    private StandInWorkers() {
    }

    /** A stand-in's stdin and stdout, after it has said it is ready. */
    private record Pipes(DataOutputStream out, DataInputStream in) {
        static Pipes ready() throws IOException {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
            ParseProtocol.writeReady(out);
            return new Pipes(out, new DataInputStream(new BufferedInputStream(System.in)));
        }
    }

    /** Says it is ready, then never answers. */
    static final class Silent {
        public static void main(String[] args) throws Exception {
            Pipes pipes = Pipes.ready();
            ParseProtocol.readRequest(pipes.in());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Answers every request at once with a one-line document, except files named "hang...": never. */
    static final class HangsOnSomeFiles {
        public static void main(String[] args) throws Exception {
            Pipes pipes = Pipes.ready();
            for (var request = ParseProtocol.readRequest(pipes.in()); request != null; request = ParseProtocol.readRequest(pipes.in())) {
                if (request.fileName().startsWith("hang")) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                String text = "Parsed " + request.fileName();
                var block = new ParsedDocument.TextBlock(0, text.length(), List.of(), false);
                var page = new ParsedDocument.ParsedPage(null, text, List.of(block));
                ParseProtocol.writeParsed(pipes.out(), new ParsedDocument("text/plain", request.fileName(), false, List.of(page)));
            }
        }
    }

    /**
     * Reads an archive of three members and dies reading the second (as a parser that crashed on it would); asked again
     * to pass over the first two, gives the third.
     */
    static final class DiesOnTheSecondMember {
        public static void main(String[] args) throws IOException {
            Pipes pipes = Pipes.ready();
            for (var request = ParseProtocol.readRequest(pipes.in()); request != null; request = ParseProtocol.readRequest(pipes.in())) {
                if (request.skipMembers() == 0) {
                    ParseProtocol.writeMember(pipes.out(), member("first.txt"));
                    ParseProtocol.writeMemberReading(pipes.out(), "second.txt");
                    Runtime.getRuntime().halt(1);
                }
                ParseProtocol.writeMember(pipes.out(), member("third.txt"));
                ParseProtocol.writeContainerEnd(pipes.out(), "application/zip", null);
            }
        }

        private static ContainerMember member(String name) {
            String text = "The text of " + name;
            var page = new ParsedDocument.ParsedPage(null, text,
                    List.of(new ParsedDocument.TextBlock(0, text.length(), List.of(), false)));
            FileFacts facts = new FileFacts(text.length(), "0".repeat(63) + name.length());
            return new ContainerMember.Read(name, facts, new ParsedDocument("text/plain", name, false, List.of(page)));
        }
    }

    /** Fills its heap on the first request (run it with a small -Xmx and -XX:+ExitOnOutOfMemoryError). */
    static final class Hungry {
        public static void main(String[] args) throws IOException {
            Pipes pipes = Pipes.ready();
            ParseProtocol.readRequest(pipes.in());
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
    }

    /** Ends with exit code 1 on the first request, as a crashing native parser would. */
    static final class Crashing {
        public static void main(String[] args) throws IOException {
            Pipes pipes = Pipes.ready();
            ParseProtocol.readRequest(pipes.in());
            Runtime.getRuntime().halt(1);
        }
    }

    /** Prints to its stdout as if it were a chatty parser, instead of answering. */
    static final class Chatty {
        public static void main(String[] args) throws IOException {
            Pipes pipes = Pipes.ready();
            ParseProtocol.readRequest(pipes.in());
            pipes.out().writeBytes("WARNING: font not found, using Helvetica\n");
            pipes.out().flush();
            pipes.in().read();
        }
    }

    /** Answers every request with a one-page document of the given lines. */
    private static void answer(Pipes pipes, String name, List<String> lines) throws IOException {
        String text = String.join("\n", lines);
        var block = new ParsedDocument.TextBlock(0, text.length(), List.of(), false);
        var page = new ParsedDocument.ParsedPage(null, text, List.of(block));
        ParseProtocol.writeParsed(pipes.out(), new ParsedDocument("text/plain", name, false, List.of(page)));
    }

    /** Answers with its environment, one {@code NAME=value} a line, sorted. */
    static final class EnvironmentEcho {
        public static void main(String[] args) throws Exception {
            Pipes pipes = Pipes.ready();
            for (var request = ParseProtocol.readRequest(pipes.in()); request != null; request = ParseProtocol.readRequest(pipes.in())) {
                answer(pipes, request.fileName(), new java.util.TreeMap<>(System.getenv()).entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
            }
        }
    }

    /**
     * Tries what a hostile parser would, and answers with what it could do, one {@code what=yes|no} a line: read the
     * file it was given, read another file, connect to a port on the loopback, see the service's process. The
     * request's name says which: "read:PATH port:N pid:N".
     */
    static final class SandboxProbe {
        public static void main(String[] args) throws Exception {
            Pipes pipes = Pipes.ready();
            for (var next = ParseProtocol.readRequest(pipes.in()); next != null; next = ParseProtocol.readRequest(pipes.in())) {
                var request = next;
                String[] asked = request.fileName().split(" ");
                java.nio.file.Path other = java.nio.file.Path.of(asked[0].substring("read:".length()));
                int port = Integer.parseInt(asked[1].substring("port:".length()));
                List<String> lines = new ArrayList<>();
                lines.add("input=" + outcome(() -> java.nio.file.Files.readString(request.file())));
                lines.add("other-file=" + outcome(() -> java.nio.file.Files.readString(other)));
                lines.add("network=" + outcome(() -> {
                    try (var socket = new java.net.Socket()) {
                        socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 2000);
                        return "connected";
                    }
                }));
                long service = Long.parseLong(asked[2].substring("pid:".length()));
                lines.add("service-process=" + (ProcessHandle.of(service).isPresent() ? "yes" : "no"));
                answer(pipes, request.fileName(), lines);
            }
        }

        private static String outcome(java.util.concurrent.Callable<String> attempt) {
            try {
                attempt.call();
                return "yes";
            } catch (Exception e) {
                return "no";
            }
        }
    }

    /** Answers with a document far larger than the service's test limits let through: 100 pages of 100,000 characters. */
    static final class Bloated {
        public static void main(String[] args) throws Exception {
            Pipes pipes = Pipes.ready();
            ParseProtocol.readRequest(pipes.in());
            String text = "x".repeat(100_000);
            var block = new ParsedDocument.TextBlock(0, text.length(), List.of(), false);
            List<ParsedDocument.ParsedPage> pages = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                pages.add(new ParsedDocument.ParsedPage(i, text, List.of(block)));
            }
            ParseProtocol.writeParsed(pipes.out(), new ParsedDocument("text/plain", "bloated", true, pages));
            pipes.in().read();
        }
    }

    /** Writes lines to its stderr that would forge and hide log lines, then answers. */
    static final class Noisy {
        public static void main(String[] args) throws Exception {
            Pipes pipes = Pipes.ready();
            for (var request = ParseProtocol.readRequest(pipes.in()); request != null; request = ParseProtocol.readRequest(pipes.in())) {
                System.err.print("first line\n2026-01-01T00:00:00Z ERROR forged entry\rcarriage\u001b[2Khidden\u202Ereversed\n");
                System.err.flush();
                answer(pipes, request.fileName(), List.of("answered"));
            }
        }
    }

    /** Refuses every file with the words a parser's exception would have: a class name and an absolute path. */
    static final class LeakyRefusal {
        public static void main(String[] args) throws Exception {
            Pipes pipes = Pipes.ready();
            for (var request = ParseProtocol.readRequest(pipes.in()); request != null; request = ParseProtocol.readRequest(pipes.in())) {
                ParseProtocol.writeRejected(pipes.out(), RejectedDocumentException.Reason.MALFORMED,
                        "java.nio.file.AccessDeniedException: /srv/groundwork/ingest/uploads/secret.pdf");
            }
        }
    }
}
