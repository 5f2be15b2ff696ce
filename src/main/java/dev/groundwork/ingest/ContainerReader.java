package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a container (an archive, a compressed file, a mailbox) as the documents it holds. Tika's archive and mailbox
 * parsers walk it; each member is unpacked to a temporary file, hashed, and read by {@link TikaDocumentParser} exactly
 * as if it had come alone (same type allowlist, same limits, same text), so a member and the same file sent on its own
 * are the same document. A container inside is walked in turn, its members named under it. A member's own problem
 * (damaged, encrypted, not a document, no text) is that member's outcome; the container's limits ({@link
 * ContainerBudget}) refuse the whole container. Runs where parsing runs: in a parse worker.
 */
final class ContainerReader {

    private static final Logger log = LoggerFactory.getLogger(ContainerReader.class);

    private final TikaDocumentParser documents;
    private final Parser parser;
    private final Detector detector;
    private final TikaConfig tikaConfig;
    private final ParseLimits limits;

    ContainerReader(TikaDocumentParser documents, Parser parser, Detector detector, TikaConfig tikaConfig,
                    ParseLimits limits) {
        this.documents = documents;
        this.parser = parser;
        this.detector = detector;
        this.tikaConfig = tikaConfig;
        this.limits = limits;
    }

    /**
     * Reads a container's members into {@code sink}, in order.
     *
     * @return why it could not be read to its end after the members it gave, or null
     * @throws RejectedDocumentException when the container passes one of its limits, or none of it can be read
     */
    Refusal read(Path file, String fileName, MediaType type, MemberSink sink) throws IOException {
        Walk walk = new Walk(new ContainerBudget(limits, Files.size(file)), sink);
        try {
            walk.open(file, fileName, type, "", 1);
            return null;
        } catch (ContainerDamage damage) {
            if (walk.emitted == 0) {
                throw new RejectedDocumentException(damage.refusal.reason(), damage.refusal.detail(), damage);
            }
            return damage.refusal;
        }
    }

    /** A walk over one container and those inside it, counting against one budget. */
    private final class Walk {
        private final ContainerBudget budget;
        private final MemberSink sink;
        /** Members given to the sink or passed over, in order: what a resumed walk skips by. */
        private int emitted;

        Walk(ContainerBudget budget, MemberSink sink) {
            this.budget = budget;
            this.sink = sink;
        }

        /**
         * Walks a container: its members named under {@code prefix}, {@code depth} containers deep.
         *
         * @throws ContainerDamage when it cannot be read (on), and no limit was passed
         */
        void open(Path file, String fileName, MediaType type, String prefix, int depth) throws IOException {
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            metadata.set(Metadata.CONTENT_TYPE, type.toString());
            ParseContext context = new ParseContext();
            context.set(TikaConfig.class, tikaConfig);
            context.set(Detector.class, detector);
            context.set(Parser.class, parser);
            context.set(EmbeddedDocumentExtractor.class, new Members(this, type, prefix, depth));
            try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
                parser.parse(in, new DefaultHandler(), metadata, context);
            } catch (TikaException | SAXException | IOException | RuntimeException e) {
                if (e instanceof RejectedDocumentException rejected) {
                    throw rejected;
                }
                rethrowLimit(e);
                throw damage(e, type, fileName);
            }
            rethrowLimit(null);
        }

        /** A limit passed anywhere in the walk refuses the container, whatever a parser did with the exception. */
        private void rethrowLimit(Throwable failure) {
            ParseLimitException tripped = budget.tripped();
            if (tripped == null && failure != null) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                    if (cause instanceof RejectedDocumentException rejected) {
                        throw rejected;
                    }
                    if (cause instanceof ParseLimitException limit) {
                        tripped = limit;
                    }
                }
            }
            if (tripped != null) {
                throw new RejectedDocumentException(tripped.reason(), tripped.getMessage(), failure);
            }
        }

        private ContainerDamage damage(Exception e, MediaType type, String fileName) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ContainerDamage inner) {
                    return new ContainerDamage(inner.refusal, e); // told already, by the container inside
                }
            }
            String kind = DocumentTypes.isMailbox(type) ? "mailbox" : "archive";
            log.warn("Could not read all of {} ({}): {}", WorkerOutput.escape(fileName), type,
                    ParseFailures.describe(e));
            boolean encrypted = ParseFailures.causedBy(e, EncryptedDocumentException.class);
            Refusal refusal = encrypted
                    ? new Refusal(Reason.ENCRYPTED, "The " + kind + " is protected by a password, all of it or from here on.")
                    : new Refusal(Reason.MALFORMED, "The " + kind + " could not be read to its end: it is damaged, "
                            + "cut short, or uses a feature Groundwork cannot read.");
            return new ContainerDamage(refusal, e);
        }

        void emit(ContainerMember member) throws IOException {
            if (emitted++ >= sink.skip()) {
                sink.member(member);
            }
        }

        /** Counts the next member as emitted: whether it is one a resumed walk passes over (else it is read). */
        boolean passOver() {
            return emitted++ < sink.skip();
        }
    }

    /** Takes each member a container parser finds: unpacks, checks and reads it, or walks it if it is a container. */
    private final class Members implements EmbeddedDocumentExtractor {
        private final Walk walk;
        private final MediaType containerType;
        private final String prefix;
        private final int depth;
        private final MemberNames names = new MemberNames();
        private int messages;

        Members(Walk walk, MediaType containerType, String prefix, int depth) {
            this.walk = walk;
            this.containerType = containerType;
            this.prefix = prefix;
            this.depth = depth;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return walk.budget.tripped() == null;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            walk.budget.countMember(depth);
            Optional<String> safe = names.next(rawName(metadata), "file");
            if (safe.isEmpty()) {
                return; // hidden, like a dotfile in a folder
            }
            String name = prefix + safe.get();
            String leaf = name.substring(name.lastIndexOf('/') + 1);
            if (DocumentTypes.PST_MESSAGE.equals(metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE))) {
                readInPlace(TikaInputStream.get(stream), metadata, name, leaf);
                return;
            }
            Path unpacked = Files.createTempFile("groundwork-member-", ".part");
            try {
                IOException cut = null;
                Optional<FileFacts> facts;
                try {
                    facts = unpack(stream, unpacked);
                } catch (ParseLimitException e) {
                    throw e;
                } catch (IOException e) {
                    // a compressed file cut short still gives what was compressed before the cut (a tar's first files)
                    if (!DocumentTypes.isCompressedFile(containerType) || Files.size(unpacked) == 0) {
                        throw e;
                    }
                    cut = e;
                    facts = Optional.of(FileFacts.of(unpacked));
                }
                readUnpacked(unpacked, facts, name, leaf);
                if (cut != null) {
                    throw cut;
                }
            } finally {
                Files.deleteIfExists(unpacked);
            }
        }

        private void readUnpacked(Path unpacked, Optional<FileFacts> facts, String name, String leaf)
                throws IOException, ParseLimitException {
            if (facts.isEmpty()) {
                walk.emit(new ContainerMember.Refused(name, new Refusal(Reason.TOO_LARGE,
                        "The file is larger than the limit of " + limits.maxFileSize() + " bytes.")));
                return;
            }
            MediaType type = typeOf(unpacked, leaf);
            if (DocumentTypes.isContainer(type)) {
                openInner(unpacked, leaf, type, name);
            } else if (facts.get().sizeBytes() == 0 || !documents.reads(type)) {
                walk.emit(new ContainerMember.Refused(name, new Refusal(Reason.UNSUPPORTED_TYPE,
                        facts.get().sizeBytes() == 0 ? "The file is empty." : "Files of type " + type + " cannot be read.")));
            } else if (!walk.passOver()) {
                walk.sink.reading(name);
                read(unpacked, name, leaf, type, facts.get());
            }
        }

        /**
         * A member's type, told as a file's is: from its bytes, the name refining them; bytes no format claims that
         * look like text are text, as for a file the service reads (a README without a suffix).
         */
        private MediaType typeOf(Path unpacked, String leaf) throws IOException {
            try (TikaInputStream in = TikaInputStream.get(unpacked)) {
                MediaType type = DocumentTypes.ofEmbedded(detector, in, leaf);
                return MediaType.OCTET_STREAM.equals(type) ? TextBytes.typeOfBytes(detector, in) : type;
            }
        }

        private void read(Path unpacked, String name, String leaf, MediaType type, FileFacts facts)
                throws IOException, ParseLimitException {
            try {
                ParsedDocument document = documents.parse(unpacked, leaf, type);
                walk.budget.countCharacters(characters(document));
                walk.sink.member(new ContainerMember.Read(name, facts, document));
            } catch (RejectedDocumentException e) {
                walk.sink.member(new ContainerMember.Refused(name, Refusal.of(e)));
            }
        }

        /** A message of a PST file has no bytes of its own: it is read where it is, and known by its text. */
        private void readInPlace(TikaInputStream in, Metadata metadata, String name, String leaf)
                throws IOException, ParseLimitException {
            if (walk.passOver()) {
                return;
            }
            walk.sink.reading(name);
            try {
                ParsedDocument document = documents.parseInPlace(in, metadata, MediaType.parse(DocumentTypes.PST_MESSAGE),
                        leaf);
                walk.budget.countCharacters(characters(document));
                walk.sink.member(new ContainerMember.Read(name, factsOfText(document), document));
            } catch (RejectedDocumentException e) {
                walk.sink.member(new ContainerMember.Refused(name, Refusal.of(e)));
            }
        }

        /**
         * Walks a container inside this one; its damage is this container's when this one only compressed it (a
         * {@code .tar.gz}), else the refusal of the member it is.
         */
        private void openInner(Path unpacked, String leaf, MediaType type, String name) throws IOException {
            boolean compressedOnly = DocumentTypes.isCompressedFile(containerType);
            // A compressed file adds no level: backup.tar.gz holds backup.tar's files, not backup.tar.
            String inner = compressedOnly ? prefix : name + "/";
            try {
                walk.open(unpacked, leaf, type, inner, depth + 1);
            } catch (ContainerDamage damage) {
                if (compressedOnly) {
                    throw damage;
                }
                walk.emit(new ContainerMember.Refused(name, damage.refusal));
            }
        }

        /**
         * Copies a member to its temporary file, hashing it and counting its bytes against the budget; empty when it is
         * larger than a file may be. The rest of such a member is still read and counted, not kept: a bomb shows as one
         * when its bytes pass the container's compression ratio, an honest large file as too large.
         */
        private Optional<FileFacts> unpack(InputStream stream, Path target) throws IOException, ParseLimitException {
            MessageDigest digest = FileFacts.sha256Digest();
            long size = 0;
            // A decompressor that meets the end of a file cut short throws away what it had for that read: small reads
            // keep all but the last few bytes of a compressed file (a tar's blocks are 512 bytes)
            byte[] buffer = new byte[DocumentTypes.isCompressedFile(containerType) ? 512 : 64 * 1024];
            try (InputStream in = CloseShieldInputStream.wrap(stream);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    size += read;
                    walk.budget.countBytes(read);
                    if (size <= limits.maxFileSize()) {
                        out.write(buffer, 0, read);
                    }
                }
            }
            return size > limits.maxFileSize() ? Optional.empty()
                    : Optional.of(new FileFacts(size, HexFormat.of().formatHex(digest.digest())));
        }

        /** The entry's path in an archive; a message's number in a mailbox (its subject is its title). */
        private String rawName(Metadata metadata) {
            if (DocumentTypes.isMailbox(containerType)) {
                boolean outlook = "application/vnd.ms-outlook-pst".equals(containerType.getBaseType().toString());
                return String.format("%04d", ++messages) + (outlook ? ".msg" : ".eml");
            }
            String path = metadata.get(TikaCoreProperties.INTERNAL_PATH);
            return path != null ? path : metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        }
    }

    private static long characters(ParsedDocument document) {
        return document.pages().stream().mapToLong(page -> page.text().length()).sum();
    }

    /** The identity of a document known only by its text: the SHA-256 of its title and pages. */
    static FileFacts factsOfText(ParsedDocument document) {
        MessageDigest digest = FileFacts.sha256Digest();
        long size = 0;
        byte[] title = document.title().getBytes(StandardCharsets.UTF_8);
        digest.update(title);
        size += title.length;
        for (ParsedDocument.ParsedPage page : document.pages()) {
            byte[] text = ("\f" + page.text()).getBytes(StandardCharsets.UTF_8);
            digest.update(text);
            size += text.length;
        }
        return new FileFacts(size, HexFormat.of().formatHex(digest.digest()));
    }

    /** A container that cannot be read (on): its members so far stand, the rest is this refusal. */
    private static final class ContainerDamage extends IOException {
        private final transient Refusal refusal;

        ContainerDamage(Refusal refusal, Throwable cause) {
            super(refusal.detail(), cause);
            this.refusal = refusal;
        }
    }
}
