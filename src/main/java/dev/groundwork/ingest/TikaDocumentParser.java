package dev.groundwork.ingest;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.text.Texts;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.tika.Tika;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TemporaryResources;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Message;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.TXTParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.WriteOutContentHandler;
import org.apache.tika.utils.XMLReaderUtils;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses documents with Apache Tika. The type comes from the bytes (the file name only tells apart types the
 * bytes cannot, such as Markdown from plain text); only document formats are read, never images, media,
 * executables or archives. Plain text and Markdown are structured here, everything else from Tika's XHTML.
 * Every parse runs under {@link ParseLimits}; this class has no time or memory limit of its own, which is
 * why the service runs it in worker processes ({@link ParseWorker}).
 */
final class TikaDocumentParser implements DocumentParser {

    private static final Set<String> MARKDOWN = Set.of("text/x-web-markdown", "text/markdown");
    private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> MAIL = Set.of("message/rfc822", "application/vnd.ms-outlook",
            DocumentTypes.PST_MESSAGE);
    private static final String EPUB = "application/epub+zip";
    private static final String PDF = "application/pdf";
    private static final Set<String> PLACEHOLDER_TITLES = Set.of("untitled", "untitled document", "document",
            "powerpoint presentation", "presentation", "slide 1", "title", "microsoft word document", "no title");
    /** Bump when the way text is laid out changes, so indexes built the old way are rebuilt. */
    private static final String STRUCTURE_VERSION = "structure-2"; // 2: mailboxes read as their messages
    /** Characters Tika lets through before it compares text to file size (its own default). */
    private static final long TIKA_OUTPUT_GRACE = 1_000_000;

    private final AutoDetectParser parser;
    /** The same parsers, for attachments and embedded files, whose type is checked before and kept. */
    private final AutoDetectParser embeddedParser;
    /** Reads the types {@link #isPlainText} names, without the detection the auto-detecting parser repeats. */
    private final Parser textParser = new TXTParser();
    private final Detector detector;
    /** Handed to parsers, which would otherwise load Tika's default one, external parsers and all. */
    private final TikaConfig tikaConfig;
    private final ParseLimits limits;
    /** Reads archives and mailboxes as the documents they hold, each through this parser. */
    private final ContainerReader containers;
    /** Null in a worker, whose time limit the service's watchdog enforces by killing it. */
    private final Duration timeout;
    private final String signature;
    /** Reads pages without text, and images, when OCR is on. */
    private final OcrReader ocr;
    /** Told before each page OCR reads (a worker tells the service, whose watchdog then waits for that page). */
    private final OcrReader.Progress ocrProgress;

    TikaDocumentParser(ParseLimits limits) {
        this(limits, OcrOptions.OFF, OcrReader.Progress.NONE);
    }

    TikaDocumentParser(ParseLimits limits, OcrOptions ocr, OcrReader.Progress ocrProgress) {
        this(DocumentTypes.tikaConfig(), DocumentTypes.tikaConfig().getDetector(), DocumentTypes.tikaConfig().getParser(),
                limits, null, ocr, ocrProgress);
        // These two are JVM-wide in Tika and POI; in a worker process the JVM is the parser's alone.
        XMLReaderUtils.setMaxEntityExpansions(limits.maxEntityExpansions());
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
    }

    private TikaDocumentParser(TikaConfig tikaConfig, Detector detector, Parser parsers, ParseLimits limits,
                               Duration timeout, OcrOptions ocr, OcrReader.Progress ocrProgress) {
        this.ocr = new OcrReader(ocr);
        this.ocrProgress = ocrProgress;
        this.tikaConfig = tikaConfig;
        this.detector = detector;
        this.parser = new AutoDetectParser(detector, parsers);
        this.limits = limits;
        this.timeout = timeout;
        this.signature = currentSignature();
        // Tika's own guard against bombs, wrapped around every document and every embedded one.
        AutoDetectParserConfig bombGuard = new AutoDetectParserConfig(null, TIKA_OUTPUT_GRACE,
                limits.maxCompressionRatio(), limits.maxNestingDepth(), limits.maxEmbeddedDepth() + 2);
        parser.setAutoDetectParserConfig(bombGuard);
        this.embeddedParser = GuardedEmbeddedExtractor.readingCheckedTypes(parsers, bombGuard);
        this.containers = new ContainerReader(this, parser, detector, tikaConfig, limits);
    }

    /**
     * A parser for plain text and Markdown alone, safe to run inside the service ({@link TextRoutingParser}):
     * its detector looks at magic bytes and the name only (it never opens a container), its one parser is Tika's
     * text parser (charset detection, then a linear read stopped at the character limit), and it changes no
     * JVM-wide setting. Same code path as the full parser for these types, so the same text and the same refusals.
     * No watchdog can kill it, so it stops itself at {@code timeout}, with the workers' reason.
     */
    static TikaDocumentParser plainTextOnly(ParseLimits limits, Duration timeout) {
        MimeTypes types = MimeTypes.getDefaultMimeTypes();
        return new TikaDocumentParser(DocumentTypes.tikaConfig(), types,
                new CompositeParser(types.getMediaTypeRegistry(), new TXTParser()), limits, timeout, OcrOptions.OFF,
                OcrReader.Progress.NONE);
    }

    /** Whether a type is read in the service by {@link #plainTextOnly}: plain text and Markdown. */
    static boolean readsInService(MediaType type) {
        return MediaType.TEXT_PLAIN.equals(type) || MARKDOWN.contains(type.toString());
    }

    @Override
    public String signature() {
        return signature;
    }

    @Override
    public OcrOptions ocr() {
        return ocr.options();
    }

    /** Whether a file of this type is read as a document: a document format, or an image when OCR is on. */
    boolean reads(MediaType type) {
        return DocumentTypes.isDocument(type) || ocr.readsImage(type);
    }

    /** The signature of documents parsed by this code with this Tika, without loading Tika's parsers. */
    static String currentSignature() {
        return Tika.getString().replace(' ', '-') + "/" + STRUCTURE_VERSION;
    }

    @Override
    public ParsedFile read(Path file, String fileName) {
        return read(file, fileName, null, MemberSink.keeping());
    }

    /**
     * Reads a file whose type a caller may already have detected from its bytes, the name only refining a type the
     * bytes gave ({@code null}: detect here), so that it is not detected again. A container's members go to {@code
     * sink} as they are read; the container returned holds those the sink kept.
     */
    ParsedFile read(Path file, String fileName, MediaType detected, MemberSink sink) {
        return guarded(fileName, (in, metadata, guard) -> {
            MediaType type = typeOf(in, metadata, fileName, detected);
            if (DocumentTypes.isContainer(type)) {
                Refusal damage = containers.read(file, fileName, type, sink);
                List<ContainerMember> kept = sink instanceof MemberSink.Keeping keeping ? keeping.members() : List.of();
                return new ParsedContainer(type.toString(), kept, damage);
            }
            return readDocument(in, metadata, type, fileName, guard);
        }, () -> TikaInputStream.get(file));
    }

    @Override
    public ParsedDocument parse(Path file, String fileName) {
        return parse(file, fileName, null);
    }

    /** Parses a file that must be one document (see {@link #read(Path, String, MediaType, MemberSink)}). */
    ParsedDocument parse(Path file, String fileName, MediaType detected) {
        return guarded(fileName, (in, metadata, guard) -> {
            MediaType type = typeOf(in, metadata, fileName, detected);
            if (DocumentTypes.isContainer(type)) {
                throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE,
                        "Files of type " + type + " hold documents, and are read only as the documents they hold.");
            }
            return readDocument(in, metadata, type, fileName, guard);
        }, () -> TikaInputStream.get(file));
    }

    /**
     * Reads a document a container's parser holds open (a message of a PST file, which has no bytes of its own), of a
     * type the container gave it.
     */
    ParsedDocument parseInPlace(TikaInputStream in, Metadata metadata, MediaType type, String fileName) {
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        return guarded(fileName, (open, named, guard) -> readDocument(open, metadata, type, fileName, guard), () -> in);
    }

    /** A read of an open file under a fresh guard, its failures told as refusals. */
    private interface Reading<T> {
        T read(TikaInputStream in, Metadata metadata, ParseGuard guard) throws TikaException, SAXException, IOException;
    }

    private interface Opening {
        TikaInputStream open() throws IOException;
    }

    private <T> T guarded(String fileName, Reading<T> reading, Opening input) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        ParseGuard guard = new ParseGuard(limits, timeout == null ? ParseDeadline.NONE : ParseDeadline.after(timeout));
        try (TikaInputStream in = input.open()) {
            return reading.read(in, metadata, guard);
        } catch (RejectedDocumentException e) {
            throw e;
        } catch (StackOverflowError e) {
            // Recursive parsers run out of stack on pathological nesting; the stack unwinds, nothing is lost.
            throw new RejectedDocumentException(Reason.TOO_DEEP, "The document nests too deeply to be read.");
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            // Parsers of damaged files fail in many ways, unchecked exceptions included.
            throw ParseFailures.rejection(guard, e, describe(metadata), fileName);
        }
    }

    /** The type of the file's bytes (the name only refining it), when it is one that is read. */
    private MediaType typeOf(TikaInputStream in, Metadata metadata, String fileName, MediaType detected)
            throws IOException {
        if (in.hasFile() && Files.size(in.getPath()) == 0) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "The file is empty.");
        }
        MediaType type = detected != null ? detected : detector.detect(in, metadata).getBaseType();
        requireDocumentType(type, in, fileName, detected != null);
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        return type;
    }

    private ParsedDocument readDocument(TikaInputStream in, Metadata metadata, MediaType type, String fileName,
                                        ParseGuard guard) throws TikaException, SAXException, IOException {
        requireShallowMarkup(type, in);
        if (ocr.readsImage(type)) {
            ParsedDocument image = ocr.readImage(in.getPath(), type, title(metadata, null, fileName), guard, ocrProgress);
            return requireText(image);
        }
        DocumentTextBuilder text = new DocumentTextBuilder();
        String firstHeading = isPlainText(type)
                ? PlainTextStructure.read(readText(in, metadata, guard), MARKDOWN.contains(type.toString()), text,
                        guard.deadline())
                : readStructured(in, type, metadata, text, guard);
        guard.check(); // a limit passed inside a part that a parser skipped still refuses the document
        if (MAIL.contains(type.toString())) {
            text.prependBlock(mailHeaders(metadata));
        }
        List<ParsedPage> pages = text.build();
        if (ocr.options().enabled() && PDF.equals(type.toString())) {
            pages = ocr.readPdfPages(in.getPath(), pages, guard, ocrProgress);
            guard.checkCharacters(pages.stream().mapToLong(page -> page.text().length()).sum());
        }
        return requireText(new ParsedDocument(type.toString(), title(metadata, firstHeading, fileName),
                text.paged(), pages));
    }

    private ParsedDocument requireText(ParsedDocument parsed) {
        if (parsed.hasText()) {
            return parsed;
        }
        if (!parsed.ocrFailedPages().isEmpty()) {
            throw new RejectedDocumentException(Reason.NO_TEXT, "OCR could not read the scanned pages of the file "
                    + "(pages " + parsed.ocrFailedPages().stream().limit(20).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ").");
        }
        throw new RejectedDocumentException(Reason.NO_TEXT, ocr.options().enabled()
                ? "No text could be extracted from the file, by OCR either."
                : "No text could be extracted from the file (a scanned or image-only document? OCR is off).");
    }

    private void requireDocumentType(MediaType type, TikaInputStream in, String fileName, boolean bytesChecked)
            throws IOException {
        String name = type.toString();
        if (ocr.readsImage(type)) {
            return;
        }
        if (OcrReader.IMAGES.contains(name)) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "Files of type " + name
                    + " are read only by OCR, which is off here or not installed.");
        }
        if (!DocumentTypes.isDocument(type) && !DocumentTypes.isContainer(type)) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE,
                    "Files of type " + name + " cannot be read; send a document (PDF, Office, OpenDocument, "
                            + "RTF, EPUB, HTML, Markdown, text or e-mail), or an archive or mailbox of them.");
        }
        // A name can claim text for bytes that are not (a renamed binary): ask the bytes alone.
        if ("text".equals(type.getType()) && !bytesChecked
                && MediaType.OCTET_STREAM.equals(TextBytes.typeOfBytes(detector, in))) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE,
                    "The file '" + fileName + "' is named like text but its bytes are binary.");
        }
    }

    private void requireShallowMarkup(MediaType type, TikaInputStream in) throws IOException {
        if (HTML.contains(type.toString()) && HtmlNesting.deeperThan(in.getPath(), limits.maxNestingDepth())) {
            throw new RejectedDocumentException(Reason.TOO_DEEP, "The page nests its elements more than "
                    + limits.maxNestingDepth() + " levels deep.");
        }
    }

    /** Types read as plain text here: Tika would give them no structure, or (JSON) no text at all. */
    private static boolean isPlainText(MediaType type) {
        return MediaType.TEXT_PLAIN.equals(type) || MARKDOWN.contains(type.toString())
                || "application/json".equals(type.toString());
    }

    private String readText(TikaInputStream in, Metadata metadata, ParseGuard guard)
            throws IOException, TikaException, SAXException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 1L, limits.maxCharacters());
        BodyContentHandler handler = new BodyContentHandler(new WriteOutContentHandler(limit));
        ContentHandler timed = new ContentHandlerDecorator(handler) {
            @Override
            public void characters(char[] ch, int start, int length) throws SAXException {
                guard.check(); // the deadline, between the pieces the text parser hands over
                super.characters(ch, start, length);
            }
        };
        textParser.parse(in, timed, metadata, context(guard));
        return handler.toString();
    }

    private String readStructured(TikaInputStream in, MediaType type, Metadata metadata, DocumentTextBuilder text,
                                  ParseGuard guard) throws IOException, TikaException, SAXException {
        XhtmlStructureHandler handler = new XhtmlStructureHandler(text, guard);
        if (isOfficeOpenXml(type) && in.hasFile() && StrictOoxml.isStrict(in.getPath())) {
            readStrict(in, metadata, handler, guard);
            return handler.firstHeading();
        }
        try {
            parser.parse(in, handler, metadata, context(guard));
        } catch (EncryptedDocumentException e) {
            // Tika says so after reading the text when an EPUB lists encrypted items; fonts only obfuscated are not
            if (!EPUB.equals(type.toString()) || !EpubEncryption.onlyObfuscatesFonts(in)) {
                throw e;
            }
        }
        return handler.firstHeading();
    }

    /** A strict Office file, read in its transitional form (see {@link StrictOoxml}). */
    private void readStrict(TikaInputStream in, Metadata metadata, XhtmlStructureHandler handler, ParseGuard guard)
            throws IOException, TikaException, SAXException {
        try (TemporaryResources temporary = new TemporaryResources()) {
            Path transitional = temporary.createTempFile(".zip");
            StrictOoxml.toTransitional(in.getPath(), transitional, limits.maxUnpackedBytes(in.getLength()));
            try (TikaInputStream converted = TikaInputStream.get(transitional)) {
                parser.parse(converted, handler, metadata, context(guard));
            }
        }
    }

    private static boolean isOfficeOpenXml(MediaType type) {
        String name = type.toString();
        return name.startsWith("application/vnd.openxmlformats-officedocument.") || name.endsWith(".macroenabled.12");
    }

    private ParseContext context(ParseGuard guard) {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser); // read attachments and embedded documents too
        context.set(TikaConfig.class, tikaConfig);
        context.set(Detector.class, detector);
        context.set(EmbeddedDocumentExtractor.class,
                new GuardedEmbeddedExtractor(guard, embeddedParser, detector, context));
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true); // OCR is slow and optional; a scan without text is reported as NO_TEXT
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    private static String title(Metadata metadata, String firstHeading, String fileName) {
        String title = clean(metadata.get(TikaCoreProperties.TITLE));
        if (title.startsWith("Microsoft Word - ")) {
            title = title.substring("Microsoft Word - ".length()).replaceFirst("(?i)\\.docx?$", "");
        }
        if (title.isEmpty() || PLACEHOLDER_TITLES.contains(title.toLowerCase(Locale.ROOT))) {
            title = clean(firstHeading);
        }
        if (title.isEmpty()) {
            title = fileName;
        }
        return title.length() > 300 ? title.substring(0, 300) : title;
    }

    private static String mailHeaders(Metadata metadata) {
        StringBuilder headers = new StringBuilder();
        appendHeader(headers, "From", metadata.getValues(Message.MESSAGE_FROM));
        appendHeader(headers, "To", metadata.getValues(Message.MESSAGE_TO));
        appendHeader(headers, "Cc", metadata.getValues(Message.MESSAGE_CC));
        appendHeader(headers, "Date", metadata.getValues(TikaCoreProperties.CREATED));
        appendHeader(headers, "Subject", metadata.getValues(TikaCoreProperties.TITLE));
        return headers.toString();
    }

    private static void appendHeader(StringBuilder headers, String name, String[] values) {
        String value = clean(String.join(", ", values));
        if (!value.isEmpty()) {
            headers.append(headers.length() == 0 ? "" : "\n").append(name).append(": ").append(value);
        }
    }

    private static String clean(String value) {
        return value == null || Texts.isBlank(value) ? "" : PlainTextStructure.collapse(value);
    }

    private static String describe(Metadata metadata) {
        String type = metadata.get(Metadata.CONTENT_TYPE);
        return type == null ? "a document" : type;
    }
}
