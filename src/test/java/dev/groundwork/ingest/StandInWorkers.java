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
}
