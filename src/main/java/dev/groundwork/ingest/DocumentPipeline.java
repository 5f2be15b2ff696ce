package dev.groundwork.ingest;

import dev.groundwork.embed.Encoder;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.EmbeddedChunk;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.observe.Stage;
import dev.groundwork.observe.Stages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Parses, splits and embeds one file: everything short of writing it to the index. */
@Component
public class DocumentPipeline {

    private static final Logger log = LoggerFactory.getLogger(DocumentPipeline.class);
    /** Chunks embedded per call, so a huge document never holds all its token tensors at once. */
    private static final int EMBED_SLICE = 256;
    private static final String PDF = "application/pdf";
    /** Puts the OCR settings in a document's signature, in the parser's part: {@code tika/structure+ocr:auto:eng|...}. */
    private static final String OCR_MARK = "+ocr:";

    private final DocumentParser parser;
    private final DocumentSplitter splitter;
    private final Encoder encoder;
    private final Stages stages;

    DocumentPipeline(DocumentParser parser, DocumentSplitter splitter, Encoder encoder, Stages stages) {
        this.parser = parser;
        this.splitter = splitter;
        this.encoder = encoder;
        this.stages = stages;
    }

    /** A document ready for the index. */
    public record PreparedDocument(DocumentRecord record, List<EmbeddedChunk> chunks) implements Prepared {
    }

    /**
     * What the index was built with; documents made under another signature must be made again. The form is
     * {@code parser|splitter|encoder}; neither the parser's nor the splitter's part holds a '|'.
     */
    public String signature() {
        return parser.signature() + "|" + splitter.signature() + "|" + encoder.signature();
    }

    /**
     * The encoder's part of a pipeline signature: two indexes whose signatures share it hold vectors that can be
     * compared with each other and with this encoder's queries.
     */
    public static String encoderPart(String signature) {
        String[] parts = signature.split("\\|", 3);
        return parts.length == 3 ? parts[2] : "";
    }

    /**
     * The signature a document is recorded with: the pipeline's, with the OCR settings in its parser part when they
     * shaped its text (pages read by OCR, or pages without text that OCR off left empty). Turning OCR on, or changing
     * its languages, then makes again the documents that have such pages, and no other.
     */
    String signatureOf(ParsedDocument parsed) {
        return readsScans(parsed) ? withOcr(signature(), parser.ocr()) : signature();
    }

    private boolean readsScans(ParsedDocument parsed) {
        return parsed.pages().stream().anyMatch(page -> page.ocr() != null)
                || !parser.ocr().enabled() && parsed.paged() && PDF.equals(parsed.contentType())
                && parsed.pages().stream().anyMatch(OcrReader::lacksText);
    }

    /**
     * Whether a document recorded with this signature is what the configured pipeline would make of its bytes: made by
     * the same parser, splitter and encoder, and, if OCR shaped its text, under the same OCR settings. A PDF made
     * without OCR is not, once OCR reads every page ({@code always}).
     */
    public boolean isCurrent(DocumentRecord document) {
        String recorded = document.pipeline();
        if (recorded.equals(signature())) {
            return !(parser.ocr().mode() == OcrMode.ALWAYS && PDF.equals(document.contentType())
                    && document.chunks() > 0);
        }
        return recorded.equals(withOcr(signature(), parser.ocr()));
    }

    /** A signature without the OCR part of its parser's: what the index as a whole was built with. */
    public static String withoutOcr(String signature) {
        int bar = signature.indexOf('|');
        int ocr = signature.indexOf(OCR_MARK);
        if (ocr < 0 || (bar >= 0 && ocr > bar)) {
            return signature;
        }
        return signature.substring(0, ocr) + (bar < 0 ? "" : signature.substring(bar));
    }

    private static String withOcr(String signature, OcrOptions ocr) {
        int bar = signature.indexOf('|');
        String part = "+" + ocr.signature();
        return bar < 0 ? signature + part : signature.substring(0, bar) + part + signature.substring(bar);
    }


    public PreparedDocument prepare(Path file, String fileName, FileFacts facts, List<String> paths, Instant addedAt) {
        // 1. parse
        ParsedDocument parsed;
        Stage parse = stages.start(Stages.INGEST, "parse");
        try (parse) {
            parsed = parser.parse(file, fileName);
        }
        // 2.. identify, split, embed, describe
        return prepareParsed(parsed, DocumentIdentity.of(parsed, fileName), fileName, facts, paths, addedAt,
                parse.millis());
    }

    /**
     * Makes a file ready for the index, whatever it holds: one document, as {@link #prepare} does, or a container (an
     * archive, a mailbox), whose members are made each as a document of its own, named under the container's file
     * name ({@code archive.zip/inner/report.pdf}). A member whose bytes are indexed under this pipeline already
     * ({@code indexed}, given a document id) is parsed only.
     *
     * @throws RejectedContainerException when no member of a container can be read
     */
    public Prepared prepareFile(Path file, String fileName, FileFacts facts, List<String> paths, Instant addedAt,
                                Predicate<String> indexed) {
        long started = System.nanoTime();
        // 1. parse
        ParsedFile parsed;
        Stage parse = stages.start(Stages.INGEST, "parse");
        try (parse) {
            parsed = parser.read(file, fileName);
        }
        if (parsed instanceof ParsedDocument document) {
            // 2.. identify, split, embed, describe
            return prepareParsed(document, DocumentIdentity.of(document, fileName), fileName, facts, paths, addedAt,
                    parse.millis());
        }
        // 2.. each member as a document of its own
        return prepareContainer((ParsedContainer) parsed, fileName, facts, paths, addedAt, indexed, started);
    }

    private PreparedContainer prepareContainer(ParsedContainer container, String fileName, FileFacts facts,
                                               List<String> paths, Instant addedAt, Predicate<String> indexed,
                                               long started) {
        List<PreparedContainer.Member> members = new ArrayList<>(container.members().size());
        for (ContainerMember member : container.members()) {
            members.add(prepareMember(member, fileName, addedAt, indexed));
        }
        if (members.stream().allMatch(PreparedContainer.Refused.class::isInstance)) {
            throw new RejectedContainerException(fileName, container.contentType(), members.stream()
                    .map(member -> (PreparedContainer.Refused) member).toList(), container.damage());
        }
        DocumentRecord record = new DocumentRecord(facts.documentId(), facts.sha256(), fileName, "", fileName, paths,
                container.contentType(), facts.sizeBytes(), null, 0, addedAt, signature());
        log.info("Prepared {} ({}, {} members, {} read) in {} ms", record.id(), container.contentType(),
                members.size(), members.stream().filter(member -> !(member instanceof PreparedContainer.Refused)).count(),
                millis(started, System.nanoTime()));
        return new PreparedContainer(record, members, container.damage());
    }

    private PreparedContainer.Member prepareMember(ContainerMember member, String containerFileName, Instant addedAt,
                                                   Predicate<String> indexed) {
        if (member instanceof ContainerMember.Refused refused) {
            return new PreparedContainer.Refused(refused.name(), refused.refusal());
        }
        ContainerMember.Read read = (ContainerMember.Read) member;
        if (indexed.test(read.facts().documentId())) {
            return new PreparedContainer.Parsed(read.name(), read.facts(), read.document());
        }
        try {
            return new PreparedContainer.Made(read.name(),
                    prepareMember(containerFileName, read.name(), read.facts(), read.document(), addedAt));
        } catch (RejectedDocumentException e) {
            return new PreparedContainer.Refused(read.name(), Refusal.of(e));
        }
    }

    /**
     * Splits and embeds a member of a container, read already: its file name is the container's and its name in it
     * ({@code archive.zip/inner/report.pdf}), which is how it is cited.
     */
    public PreparedDocument prepareMember(String containerFileName, String name, FileFacts facts,
                                          ParsedDocument document, Instant addedAt) {
        String fileName = MemberPath.displayName(containerFileName, name);
        // read with its container: its parse is the container's
        return prepareParsed(document, DocumentIdentity.of(document, fileName), fileName, facts, List.of(), addedAt, 0);
    }

    /**
     * Splits and embeds a passage that is already plain text, laid out as a text file would be (paragraphs
     * apart by blank lines), under the given title. Lets the evaluation put question-set passages through the
     * same splitter and encoder as files, without a detour through temporary files and Tika.
     */
    public PreparedDocument prepareText(String title, String text, String fileName, FileFacts facts, Instant addedAt) {
        ParsedDocument parsed;
        Stage parse = stages.start(Stages.INGEST, "parse");
        try (parse) {
            DocumentTextBuilder builder = new DocumentTextBuilder();
            PlainTextStructure.read(text, false, builder);
            parsed = new ParsedDocument("text/plain", title, false, builder.build());
        }
        if (!parsed.hasText()) {
            throw new RejectedDocumentException(Reason.NO_TEXT, "The passage holds no text.");
        }
        // A passage's "file name" is its id in a question set: it names nothing.
        return prepareParsed(parsed, DocumentIdentity.of(parsed, ""), fileName, facts, List.of(), addedAt,
                parse.millis());
    }

    /** @param parseMs how long its parse stage took, for the log line */
    private PreparedDocument prepareParsed(ParsedDocument parsed, DocumentIdentity identity, String fileName,
                                           FileFacts facts, List<String> paths, Instant addedAt, long parseMs) {
        // 2. split
        List<PreparedChunk> chunks;
        Stage split = stages.start(Stages.INGEST, "split");
        try (split) {
            chunks = splitter.split(parsed, identity);
        }
        if (chunks.isEmpty()) {
            throw new RejectedDocumentException(Reason.NO_TEXT, "The document holds no text that can be searched.");
        }
        // 3. embed
        List<EmbeddedChunk> embedded;
        Stage embed = stages.start(Stages.INGEST, "embed");
        try (embed) {
            embedded = embed(chunks);
        }
        // 4. describe
        DocumentRecord record = new DocumentRecord(facts.documentId(), facts.sha256(), identity.title(),
                identity.about(), fileName,
                paths, parsed.contentType(), facts.sizeBytes(), parsed.pageCount(), embedded.size(), addedAt,
                signatureOf(parsed), null, parsed.ocrPages(), parsed.ocrFailedPages());
        log.info("Prepared {} ({}, {} pages, {} by OCR, {} chunks) in {} ms: parse {} ms, split {} ms, embed {} ms",
                record.id(), parsed.contentType(), parsed.pageCount() == null ? "no" : parsed.pageCount(),
                parsed.ocrPages(), embedded.size(), parseMs + split.millis() + embed.millis(), parseMs, split.millis(),
                embed.millis());
        return new PreparedDocument(record, embedded);
    }

    private List<EmbeddedChunk> embed(List<PreparedChunk> chunks) {
        List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
        for (int from = 0; from < chunks.size(); from += EMBED_SLICE) {
            List<PreparedChunk> slice = chunks.subList(from, Math.min(chunks.size(), from + EMBED_SLICE));
            List<float[]> vectors = encoder.embedAll(slice.stream().map(PreparedChunk::embeddingText).toList());
            for (int i = 0; i < slice.size(); i++) {
                embedded.add(new EmbeddedChunk(slice.get(i).chunk(), vectors.get(i), slice.get(i).context()));
            }
        }
        return embedded;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
