package dev.groundwork.ingest;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.ParsedDocument.TextBlock;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service and a parse worker say to each other over the worker's standard input and output: a
 * request names a file, a reply is the parsed document or the reason it was refused. Every message starts
 * with a magic number and every length is checked before anything is allocated, so stray output on the
 * worker's stdout is caught as a protocol error, never taken for a document. A reply is held to what the service
 * would accept from a parse of its own ({@link ReplyBudget}): a worker that was taken over cannot fill the service's
 * heap. Heading paths go once, in a table the blocks point into, as they are shared in memory.
 */
final class ParseProtocol {

    private static final int MAGIC = 0x47574B31; // "GWK1"
    private static final byte READY = 1;
    private static final byte REQUEST = 2;
    private static final byte PARSED = 3;
    private static final byte REJECTED = 4;
    /** The longest string a request holds: a path and a file name. */
    private static final int MAX_REQUEST_STRING_BYTES = 64 << 10;

    private ParseProtocol() {
    }

    /** A request: the file to parse and the name to use as a type hint and title fallback. */
    record Request(Path file, String fileName) {
    }

    /** A worker's reply. */
    sealed interface Reply permits Parsed, Rejected {
    }

    record Parsed(ParsedDocument document) implements Reply {
    }

    record Rejected(Reason reason, String message) implements Reply {
    }

    /** The reply did not follow the protocol: the worker is no longer to be trusted. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    static void writeReady(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(READY);
        out.flush();
    }

    static void readReady(DataInputStream in) throws IOException {
        expect(in, READY);
    }

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(REQUEST);
        writeString(out, request.file().toString());
        writeString(out, request.fileName());
        out.flush();
    }

    /** The next request, or null when the service closed the pipe. */
    static Request readRequest(DataInputStream in) throws IOException {
        try {
            expect(in, REQUEST);
        } catch (EOFException e) {
            return null;
        }
        return new Request(Path.of(readString(in, MAX_REQUEST_STRING_BYTES)), readString(in, MAX_REQUEST_STRING_BYTES));
    }

    static void writeParsed(DataOutputStream out, ParsedDocument document) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(PARSED);
        writeString(out, document.contentType());
        writeString(out, document.title());
        out.writeBoolean(document.paged());
        Map<List<String>, Integer> paths = new LinkedHashMap<>();
        for (ParsedPage page : document.pages()) {
            for (TextBlock block : page.blocks()) {
                paths.putIfAbsent(block.headingPath(), paths.size());
            }
        }
        out.writeInt(paths.size());
        for (List<String> path : paths.keySet()) {
            out.writeInt(path.size());
            for (String heading : path) {
                writeString(out, heading);
            }
        }
        out.writeInt(document.pages().size());
        for (ParsedPage page : document.pages()) {
            out.writeInt(page.number() == null ? -1 : page.number());
            writeString(out, page.text());
            out.writeInt(page.blocks().size());
            for (TextBlock block : page.blocks()) {
                out.writeInt(block.start());
                out.writeInt(block.end());
                out.writeBoolean(block.heading());
                out.writeInt(paths.get(block.headingPath()));
            }
        }
        out.flush();
    }

    static void writeRejected(DataOutputStream out, Reason reason, String message) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(REJECTED);
        writeString(out, reason.name());
        writeString(out, message == null ? "" : message);
        out.flush();
    }

    /** Reads a reply, held to what the service would accept from a parse of its own under {@code limits}. */
    static Reply readReply(DataInputStream in, ParseLimits limits) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new ProtocolException("not a reply of a parse worker");
        }
        ReplyBudget budget = new ReplyBudget(limits);
        byte kind = in.readByte();
        if (kind == REJECTED) {
            String reason = budget.readString(in, ReplyBudget.MAX_NAME_CHARS);
            try {
                return new Rejected(Reason.valueOf(reason), budget.readString(in, ReplyBudget.MAX_MESSAGE_CHARS));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("unknown reason " + WorkerOutput.escape(reason));
            }
        }
        if (kind != PARSED) {
            throw new ProtocolException("unexpected message " + kind);
        }
        String contentType = budget.readString(in, ReplyBudget.MAX_NAME_CHARS);
        String title = budget.readString(in, ReplyBudget.MAX_TITLE_CHARS);
        boolean paged = in.readBoolean();
        int pathCount = budget.count(in, "heading paths", budget.maxBlocks());
        List<List<String>> paths = new ArrayList<>(Math.min(pathCount, 4096));
        for (int p = 0; p < pathCount; p++) {
            int headings = budget.count(in, "headings in a path", budget.maxHeadingDepth());
            List<String> path = new ArrayList<>(headings);
            for (int h = 0; h < headings; h++) {
                path.add(budget.readString(in, Integer.MAX_VALUE));
            }
            paths.add(List.copyOf(path));
        }
        int pageCount = budget.count(in, "pages", budget.maxPages());
        List<ParsedPage> pages = new ArrayList<>(Math.min(pageCount, 4096));
        for (int p = 0; p < pageCount; p++) {
            int number = in.readInt();
            String text = budget.readString(in, Integer.MAX_VALUE);
            int blockCount = budget.count(in, "blocks", budget.maxBlocks());
            budget.spendBlocks(blockCount);
            List<TextBlock> blocks = new ArrayList<>(Math.min(blockCount, 4096));
            for (int b = 0; b < blockCount; b++) {
                int start = in.readInt();
                int end = in.readInt();
                boolean heading = in.readBoolean();
                int path = in.readInt();
                if (start < 0 || end <= start || end > text.length()) {
                    throw new ProtocolException("block " + start + ".." + end + " outside its page");
                }
                if (path < 0 || path >= paths.size()) {
                    throw new ProtocolException("heading path " + path + " not in the table");
                }
                blocks.add(new TextBlock(start, end, paths.get(path), heading));
            }
            pages.add(new ParsedPage(number < 0 ? null : number, text, blocks));
        }
        return new Parsed(new ParsedDocument(contentType, title, paged, pages));
    }

    private static void expect(DataInputStream in, byte kind) throws IOException {
        int magic = in.readInt();
        byte actual = in.readByte();
        if (magic != MAGIC || actual != kind) {
            throw new ProtocolException("expected message " + kind);
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in, int maxBytes) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > maxBytes) {
            throw new ProtocolException("string length out of range: " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
