package dev.groundwork.ingest;

import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.IndexStats;
import dev.groundwork.ingest.DocumentPipeline.PreparedDocument;
import dev.groundwork.ingest.IngestFolder.Staged;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Brings documents into the index and takes them out. Every change is committed before the method returns,
 * and a failure leaves nothing behind: no file in the ingest folder, no chunks in the index.
 */
@Service
public class IngestionService {

    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);

    /** What an ingestion did. */
    public enum Change {
        /** A new document was indexed. */
        CREATED,
        /** The bytes were already indexed; nothing changed. */
        KNOWN,
        /** The bytes were already indexed under another path; this path was added to them. */
        PATH_ADDED,
        /** A file changed or was made under an older pipeline, and was indexed again. */
        REPLACED
    }

    public record IngestOutcome(DocumentRecord document, Change change) {
    }

    private final IngestFolder folder;
    private final DocumentPipeline pipeline;
    private final ChunkIndex index;
    private final IngestSettings settings;
    private final KeyedLocks locks = new KeyedLocks(64);

    IngestionService(IngestFolder folder, DocumentPipeline pipeline, ChunkIndex index, IngestSettings settings) {
        this.folder = folder;
        this.pipeline = pipeline;
        this.index = index;
        this.settings = settings;
    }

    /**
     * Takes an uploaded file: stored durably in {@code uploads/} and committed to the index before returning.
     * The same bytes uploaded again give back the document already known.
     */
    public IngestOutcome upload(String clientFileName, InputStream content) {
        long started = System.nanoTime();
        String fileName = SafeFileNames.of(clientFileName);
        // 1. stage the bytes, counting and hashing them on the way
        Staged staged = folder.stage(content, settings.maxFileSize().toBytes());
        try {
            if (staged.facts().sizeBytes() == 0) {
                throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "The file is empty.");
            }
            String id = staged.facts().documentId();
            return locks.withLock(id, () -> {
                // 2. the same bytes are the same document
                Optional<DocumentRecord> known = index.find(id);
                if (known.isPresent()) {
                    return new IngestOutcome(known.get(), Change.KNOWN);
                }
                // 3. parse, split, embed
                PreparedDocument prepared = pipeline.prepare(staged.path(), fileName, staged.facts(), List.of(), Instant.now());
                // 4. keep the file for good, then index and commit it
                String path = folder.keep(staged.path(), id, fileName);
                DocumentRecord record = prepared.record().withPaths(List.of(path), fileName);
                try {
                    index.upsert(record, prepared.chunks());
                    index.commit();
                } catch (RuntimeException e) {
                    // Not acknowledged, so not kept: the file goes first, as the folder is what start-up indexes.
                    folder.remove(path);
                    try {
                        index.delete(id);
                    } catch (RuntimeException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                    throw e;
                }
                log.info("Uploaded {} as {}: {} chunks in {} ms", fileName, id, record.chunks(),
                        (System.nanoTime() - started) / 1_000_000);
                return new IngestOutcome(record, Change.CREATED);
            });
        } finally {
            folder.discard(staged.path());
        }
    }

    /**
     * Indexes a file of the ingest folder, unless its bytes are already indexed under the current pipeline.
     *
     * @param previous the document this path held before, if it changed since (its chunks are replaced)
     */
    public IngestOutcome ingestFile(String relativePath, DocumentRecord previous) {
        Path file = folder.resolve(relativePath);
        FileFacts facts = FileFacts.of(file);
        if (facts.sizeBytes() > settings.maxFileSize().toBytes()) {
            throw new RejectedDocumentException(Reason.TOO_LARGE,
                    "The file is larger than the limit of " + settings.maxFileSize().toBytes() + " bytes.");
        }
        if (facts.sizeBytes() == 0) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "The file is empty.");
        }
        String id = facts.documentId();
        return locks.withLock(id, () -> {
            Optional<DocumentRecord> known = index.find(id);
            List<String> replacing = new ArrayList<>();
            if (previous != null && !previous.id().equals(id)) {
                detachPath(previous, relativePath, replacing);
            }
            if (known.isPresent() && known.get().pipeline().equals(pipeline.signature())) {
                DocumentRecord record = known.get();
                if (record.paths().contains(relativePath) && replacing.isEmpty()) {
                    return new IngestOutcome(record, Change.KNOWN);
                }
                DocumentRecord moved = withPath(record, relativePath);
                index.updateRecord(moved);
                replacing.forEach(index::delete);
                index.commit();
                return new IngestOutcome(moved, Change.PATH_ADDED);
            }
            List<String> paths = new ArrayList<>(known.map(DocumentRecord::paths).orElse(List.of()));
            if (!paths.contains(relativePath)) {
                paths.add(relativePath);
            }
            String fileName = file.getFileName().toString();
            Instant addedAt = known.map(DocumentRecord::addedAt).orElseGet(Instant::now);
            PreparedDocument prepared = pipeline.prepare(file, fileName, facts, paths, addedAt);
            index.upsert(prepared.record(), prepared.chunks(), replacing);
            index.commit();
            Change change = known.isPresent() || previous != null ? Change.REPLACED : Change.CREATED;
            return new IngestOutcome(prepared.record(), change);
        });
    }

    /** A path no longer holds {@code previous}: drop the path, or the whole document when it was its last. */
    private void detachPath(DocumentRecord previous, String relativePath, List<String> replacing) {
        List<String> rest = previous.paths().stream().filter(p -> !p.equals(relativePath)).toList();
        if (rest.isEmpty()) {
            replacing.add(previous.id());
        } else {
            index.updateRecord(previous.withPaths(rest, fileNameOf(rest.get(0))));
        }
    }

    /**
     * The file at a path is gone: the path is dropped from its document, and the document removed when no
     * file holds it any more. Nothing happens if the file came back in the meantime.
     */
    public void forgetPath(DocumentRecord document, String relativePath) {
        locks.withLock(document.id(), () -> {
            Optional<DocumentRecord> current = index.find(document.id());
            if (current.isEmpty() || folder.exists(relativePath) || !current.get().paths().contains(relativePath)) {
                return null;
            }
            List<String> rest = current.get().paths().stream().filter(p -> !p.equals(relativePath)).toList();
            if (rest.isEmpty()) {
                index.delete(document.id());
            } else {
                index.updateRecord(current.get().withPaths(rest, fileNameOf(rest.get(0))));
            }
            index.commit();
            return null;
        });
    }

    /** Removes a document: its files first (the folder is the source of truth), then its chunks. */
    public DocumentRecord delete(String id) {
        return locks.withLock(id, () -> {
            DocumentRecord record = index.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
            record.paths().forEach(folder::remove);
            index.delete(id);
            index.commit();
            log.info("Deleted document {} ({} files)", id, record.paths().size());
            return record;
        });
    }

    public Optional<DocumentRecord> find(String id) {
        return index.find(id);
    }

    public List<DocumentRecord> documents() {
        return index.documents();
    }

    public IndexStats stats() {
        return index.stats();
    }

    /** Signature of the pipeline new documents go through. */
    public String pipelineSignature() {
        return pipeline.signature();
    }

    public Map<String, String> committedUserData() {
        return index.committedUserData();
    }

    private DocumentRecord withPath(DocumentRecord record, String relativePath) {
        List<String> paths = new ArrayList<>(record.paths());
        paths.add(relativePath);
        // Keep showing the name the document was known by; a moved file takes its new name.
        String fileName = record.paths().stream().anyMatch(folder::exists) ? record.fileName() : fileNameOf(relativePath);
        return record.withPaths(paths, fileName);
    }

    private static String fileNameOf(String relativePath) {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }
}
