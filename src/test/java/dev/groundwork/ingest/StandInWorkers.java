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

    /** Says it is ready, then never answers. */
    static final class Silent {
        public static void main(String[] args) throws Exception {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
            ParseProtocol.writeReady(out);
            DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
            ParseProtocol.readRequest(in);
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Answers every request at once with a one-line document, except files named "hang...": never. */
    static final class HangsOnSomeFiles {
        public static void main(String[] args) throws Exception {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
            ParseProtocol.writeReady(out);
            DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
            for (ParseProtocol.Request request = ParseProtocol.readRequest(in); request != null; request = ParseProtocol.readRequest(in)) {
                if (request.fileName().startsWith("hang")) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                String text = "Parsed " + request.fileName();
                ParseProtocol.writeParsed(out, new ParsedDocument("text/plain", request.fileName(), false, List.of(
                        new ParsedDocument.ParsedPage(null, text, List.of(new ParsedDocument.TextBlock(0, text.length(), List.of(), false))))));
            }
        }
    }

    /** Fills its heap on the first request (run it with a small -Xmx and -XX:+ExitOnOutOfMemoryError). */
    static final class Hungry {
        public static void main(String[] args) throws IOException {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
            ParseProtocol.writeReady(out);
            DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
            ParseProtocol.readRequest(in);
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
    }

    /** Ends with exit code 1 on the first request, as a crashing native parser would. */
    static final class Crashing {
        public static void main(String[] args) throws IOException {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
            ParseProtocol.writeReady(out);
            DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
            ParseProtocol.readRequest(in);
            Runtime.getRuntime().halt(1);
        }
    }

    /** Prints to its stdout as if it were a chatty parser, instead of answering. */
    static final class Chatty {
        public static void main(String[] args) throws IOException {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
            ParseProtocol.writeReady(out);
            DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
            ParseProtocol.readRequest(in);
            out.writeBytes("WARNING: font not found, using Helvetica\n");
            out.flush();
            in.read();
        }
    }
}
