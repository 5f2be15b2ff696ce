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
 * request names a file, a reply is the parsed document or the reason it was refused; a container (an archive, a
 * mailbox) is answered member by member (each announced before it is read, then given read or refused) and closed by
 * an end message, so the service knows what a worker was reading when it died. Every message starts
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
    private static final byte MEMBER_READING = 5;
    private static final byte MEMBER_READ = 6;
    private static final byte MEMBER_REFUSED = 7;
    private static final byte CONTAINER_END = 8;
    private static final byte OCR_PAGE = 9;
    /** How a page's text was read: its text layer, OCR, or OCR that failed. */
    private static final byte TEXT_LAYER = 0;
    private static final byte OCR_READ = 1;
    private static final byte OCR_FAILED = 2;
    /** The longest string a request holds: a path and a file name. */
    private static final int MAX_REQUEST_STRING_BYTES = 64 << 10;
    /** Member names are cut to 600 characters ({@link MemberNames}). */
    static final int MAX_MEMBER_NAME_CHARS = 1_000;

    private ParseProtocol() {
    }

    /**
     * A request: the file to parse and the name to use as a type hint and title fallback.
     *
     * @param skipMembers members of a container to pass over unread: those a worker before answered
     */
    record Request(Path file, String fileName, int skipMembers) {

        Request(Path file, String fileName) {
            this(file, fileName, 0);
        }
    }

    /** One message of a worker's answer. */
    sealed interface Frame permits Reply, MemberReading, MemberDone, OcrPage {
    }

    /** The worker is about to read a page by OCR: progress, which starts the watchdog's time again. */
    record OcrPage(int page) implements Frame {
    }

    /** A message that ends a worker's answer. */
    sealed interface Reply extends Frame permits Parsed, Rejected, ContainerEnd, Unpacked {
    }

    record Parsed(ParsedDocument document) implements Reply {
    }

    record Rejected(Reason reason, String message) implements Reply {
    }

    /** The worker is about to read this member of a container. */
    record MemberReading(String name) implements Frame {
    }

    /** A member of a container, read or refused. */
    record MemberDone(ContainerMember member) implements Frame {
    }

    /** The end of a container's members. */
    record ContainerEnd(String contentType, Refusal damage) implements Reply {
    }

    /**
     * A container's answer as the service puts it together from a worker's messages.
     *
     * @param members     the members answered, in order
     * @param interrupted when the worker ended (killed at the time limit, out of memory, crashed) while it read a
     *                    member: that member's name and refusal; the members after it were not read
     */
    record Unpacked(String contentType, List<ContainerMember> members, Refusal damage,
                    ContainerMember.Refused interrupted) implements Reply {
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
        out.writeInt(request.skipMembers());
        out.flush();
    }

    /** The next request, or null when the service closed the pipe. */
    static Request readRequest(DataInputStream in) throws IOException {
        try {
            expect(in, REQUEST);
        } catch (EOFException e) {
            return null;
        }
        return new Request(Path.of(readString(in, MAX_REQUEST_STRING_BYTES)), readString(in, MAX_REQUEST_STRING_BYTES),
                in.readInt());
    }

    static void writeParsed(DataOutputStream out, ParsedDocument document) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(PARSED);
        writeDocument(out, document);
        out.flush();
    }

    static void writeMemberReading(DataOutputStream out, String name) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(MEMBER_READING);
        writeString(out, name);
        out.flush();
    }

    static void writeOcrPage(DataOutputStream out, int page) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(OCR_PAGE);
        out.writeInt(page);
        out.flush();
    }

    static void writeMember(DataOutputStream out, ContainerMember member) throws IOException {
        out.writeInt(MAGIC);
        if (member instanceof ContainerMember.Read read) {
            out.writeByte(MEMBER_READ);
            writeString(out, read.name());
            out.writeLong(read.facts().sizeBytes());
            writeString(out, read.facts().sha256());
            writeDocument(out, read.document());
        } else {
            ContainerMember.Refused refused = (ContainerMember.Refused) member;
            out.writeByte(MEMBER_REFUSED);
            writeString(out, refused.name());
            writeString(out, refused.refusal().reason().name());
            writeString(out, refused.refusal().detail());
        }
        out.flush();
    }

    static void writeContainerEnd(DataOutputStream out, String contentType, Refusal damage) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(CONTAINER_END);
        writeString(out, contentType);
        out.writeBoolean(damage != null);
        if (damage != null) {
            writeString(out, damage.reason().name());
            writeString(out, damage.detail());
        }
        out.flush();
    }

    private static void writeDocument(DataOutputStream out, ParsedDocument document) throws IOException {
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
            if (page.ocr() == null) {
                out.writeByte(TEXT_LAYER);
            } else {
                out.writeByte(page.ocr().read() ? OCR_READ : OCR_FAILED);
                out.writeFloat(page.ocr().confidence());
            }
            writeString(out, page.text());
            out.writeInt(page.blocks().size());
            for (TextBlock block : page.blocks()) {
                out.writeInt(block.start());
                out.writeInt(block.end());
                out.writeBoolean(block.heading());
                out.writeInt(paths.get(block.headingPath()));
            }
        }
    }

    static void writeRejected(DataOutputStream out, Reason reason, String message) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(REJECTED);
        writeString(out, reason.name());
        writeString(out, message == null ? "" : message);
        out.flush();
    }

    /**
     * Reads the next message of an answer, held with the others of the answer ({@code budget}, one per request) to what
     * the service would accept from a parse of its own.
     */
    static Frame readFrame(DataInputStream in, ReplyBudget budget) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new ProtocolException("not a reply of a parse worker");
        }
        byte kind = in.readByte();
        return switch (kind) {
            case REJECTED -> {
                Refusal refusal = readRefusal(in, budget);
                yield new Rejected(refusal.reason(), refusal.detail());
            }
            case PARSED -> new Parsed(readDocument(in, budget));
            case MEMBER_READING -> new MemberReading(readMemberName(in, budget));
            case OCR_PAGE -> new OcrPage(in.readInt());
            case MEMBER_READ -> {
                budget.countMember();
                String name = readMemberName(in, budget);
                long size = in.readLong();
                String sha256 = budget.readString(in, 64);
                if (size < 0 || !sha256.matches("[0-9a-f]{64}")) {
                    throw new ProtocolException("not the identity of a member's bytes");
                }
                yield new MemberDone(new ContainerMember.Read(name, new FileFacts(size, sha256), readDocument(in, budget)));
            }
            case MEMBER_REFUSED -> {
                budget.countMember();
                String name = readMemberName(in, budget);
                yield new MemberDone(new ContainerMember.Refused(name, readRefusal(in, budget)));
            }
            case CONTAINER_END -> {
                String contentType = budget.readString(in, ReplyBudget.MAX_NAME_CHARS);
                yield new ContainerEnd(contentType, in.readBoolean() ? readRefusal(in, budget) : null);
            }
            default -> throw new ProtocolException("unexpected message " + kind);
        };
    }

    /** Reads a whole answer, held to what the service would accept from a parse of its own under {@code limits}. */
    static Reply readReply(DataInputStream in, ParseLimits limits) throws IOException {
        return new Answer(limits).read(in, () -> {
        });
    }

    /**
     * A worker's answer to one request, put together message by message: a document or a refusal at once, a
     * container's members until its end. What was read stays known if the worker ends midway.
     */
    static final class Answer {
        private final ReplyBudget budget;
        private final List<ContainerMember> members = new ArrayList<>();
        private boolean container;
        private String reading;

        Answer(ParseLimits limits) {
            this.budget = new ReplyBudget(limits);
        }

        /** Reads messages until the answer ends, calling {@code progress} after each. */
        Reply read(DataInputStream in, Runnable progress) throws IOException {
            while (true) {
                Frame frame = readFrame(in, budget);
                progress.run();
                if (frame instanceof OcrPage) {
                    continue; // progress only: the watchdog's time starts again
                }
                if (frame instanceof MemberReading next) {
                    container = true;
                    reading = next.name();
                } else if (frame instanceof MemberDone done) {
                    container = true;
                    reading = null;
                    members.add(done.member());
                } else if (frame instanceof ContainerEnd end) {
                    return new Unpacked(end.contentType(), members, end.damage(), null);
                } else if (frame instanceof Parsed && container) {
                    throw new ProtocolException("a document in the middle of a container's members");
                } else {
                    return (Reply) frame; // a refusal after members refuses the whole container
                }
            }
        }

        /**
         * What the answer is when the worker ended before it ({@code end}: the refusal for that): the member it was
         * reading is refused so, and the members before it stand; else the file is refused so.
         */
        Reply endedWith(Rejected end) {
            if (reading == null) {
                return end;
            }
            return new Unpacked(null, members, null,
                    new ContainerMember.Refused(reading, new Refusal(end.reason(), end.message())));
        }
    }

    private static String readMemberName(DataInputStream in, ReplyBudget budget) throws IOException {
        String name = budget.readString(in, MAX_MEMBER_NAME_CHARS);
        if (name.isEmpty() || name.startsWith("/") || name.contains("//")) {
            throw new ProtocolException("not a member name");
        }
        return name;
    }

    private static Refusal readRefusal(DataInputStream in, ReplyBudget budget) throws IOException {
        String reason = budget.readString(in, ReplyBudget.MAX_NAME_CHARS);
        try {
            return new Refusal(Reason.valueOf(reason), budget.readString(in, ReplyBudget.MAX_MESSAGE_CHARS));
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("unknown reason " + WorkerOutput.escape(reason));
        }
    }

    private static ParsedDocument readDocument(DataInputStream in, ReplyBudget budget) throws IOException {
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
            ParsedDocument.PageOcr ocr = readPageOcr(in);
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
            pages.add(new ParsedPage(number < 0 ? null : number, text, blocks, ocr));
        }
        return new ParsedDocument(contentType, title, paged, pages);
    }

    private static ParsedDocument.PageOcr readPageOcr(DataInputStream in) throws IOException {
        byte source = in.readByte();
        if (source == TEXT_LAYER) {
            return null;
        }
        float confidence = in.readFloat();
        if ((source != OCR_READ && source != OCR_FAILED) || !(confidence >= 0 && confidence <= 100)) {
            throw new ProtocolException("not how a page was read: " + source + ", " + confidence);
        }
        return new ParsedDocument.PageOcr(source == OCR_READ, confidence);
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
