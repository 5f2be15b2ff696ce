package dev.groundwork.ingest;

import dev.groundwork.index.ChunkStore;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.IndexStats;
import dev.groundwork.index.ServingIndex;
import dev.groundwork.ingest.DocumentPipeline.PreparedDocument;
import dev.groundwork.ingest.IngestFolder.Staged;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.observe.Outcomes;
import dev.groundwork.observe.Stage;
import dev.groundwork.observe.Stages;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Brings documents into the index and takes them out. Every change is committed before the method returns (a folder
 * pass batches its commits through a {@link WriteBatch}, which commits them), and a failure leaves nothing behind: no
 * file in the ingest folder, no chunks in the index.
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
        REPLACED,
        /** The file changed or went away while it was being looked at; nothing was written, a later pass sees it. */
        STALE
    }

    /**
     * What an ingestion did, and the document as it is now (null only for {@link Change#STALE}); for a container (an
     * archive, a mailbox), what became of each of its members, and why it could not be read to its end if it could not.
     */
    public record IngestOutcome(DocumentRecord document, Change change, List<MemberOutcome> members, Refusal damage) {

        public IngestOutcome {
            members = List.copyOf(members);
        }

        public IngestOutcome(DocumentRecord document, Change change) {
            this(document, change, List.of(), null);
        }
    }

    private final IngestFolder folder;
    private final DocumentPipeline pipeline;
    private final ServingIndex<? extends ChunkStore> serving;
    private final IngestSettings settings;
    private final Stages stages;
    private final Outcomes outcomes;
    private final KeyedLocks locks = new KeyedLocks(64);
    /** An outcome that says the write touches containers, and is to be made again with every document locked. */
    private static final IngestOutcome NEEDS_ALL_LOCKS = new IngestOutcome(null, Change.STALE);

    IngestionService(IngestFolder folder, DocumentPipeline pipeline, ServingIndex<? extends ChunkStore> serving,
                     IngestSettings settings, Stages stages, Outcomes outcomes) {
        this.folder = folder;
        this.pipeline = pipeline;
        this.serving = serving;
        this.settings = settings;
        this.stages = stages;
        this.outcomes = outcomes;
    }

    /** {@link #upload(String, InputStream, String)} by no one in particular (tools, tests). */
    public IngestOutcome upload(String clientFileName, InputStream content) {
        return upload(clientFileName, content, null);
    }

    /**
     * Runs {@code work} on the serving index, acquired for it. Writers acquire it under their document's lock, so an
     * index switched in under {@link #exclusively} is never written through one acquired before.
     */
    private <T> T withIndex(Function<ChunkStore, T> work) {
        return serving.use(work::apply);
    }

    /**
     * Takes an uploaded file: stored durably in {@code uploads/} and committed to the index before returning.
     * The same bytes uploaded again give back the document already known (and who added it first). An archive or a
     * mailbox is kept as one file and indexed as its members, all in one commit: those it could read, each with its
     * outcome.
     *
     * @param addedBy who uploads it, as the document list shows them; null when no one in particular
     */
    public IngestOutcome upload(String clientFileName, InputStream content, String addedBy) {
        return counted(uploadUncounted(clientFileName, content, addedBy), "upload");
    }

    private IngestOutcome uploadUncounted(String clientFileName, InputStream content, String addedBy) {
        long started = System.nanoTime();
        String fileName = SafeFileNames.of(clientFileName);
        // 1. stage the bytes, counting and hashing them on the way
        Staged staged = folder.stage(content, settings.maxFileSize().toBytes());
        try {
            if (staged.facts().sizeBytes() == 0) {
                throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "The file is empty.");
            }
            String id = staged.facts().documentId();
            PreparedContainer[] container = new PreparedContainer[1];
            IngestOutcome outcome = locks.withLock(id, () -> withIndex(index -> {
                // 2. the same bytes are the same document
                Optional<DocumentRecord> known = index.find(id);
                if (known.isPresent()) {
                    return DocumentTypes.isContainer(known.get()) ? NEEDS_ALL_LOCKS
                            : new IngestOutcome(keepUploadedCopy(index, known.get(), staged, fileName), Change.KNOWN);
                }
                // 3. parse, split, embed
                Prepared prepared = pipeline.prepareFile(staged.path(), fileName, staged.facts(), List.of(),
                        Instant.now(), indexedIn(index));
                if (prepared instanceof PreparedContainer made) {
                    container[0] = made;
                    return NEEDS_ALL_LOCKS;
                }
                // 4. keep the file for good, then index and commit it
                return createUploaded(index, (PreparedDocument) prepared, staged, fileName, addedBy, started);
            }));
            if (outcome != NEEDS_ALL_LOCKS) {
                return outcome;
            }
            // 5. a container touches documents it names only once read: it is written with every document locked
            return locks.withAll(() -> withIndex(index -> uploadContainer(index, container[0], staged, fileName,
                    addedBy, started)));
        } finally {
            folder.discard(staged.path());
        }
    }

    private IngestOutcome createUploaded(ChunkStore index, PreparedDocument prepared, Staged staged, String fileName,
                                         String addedBy, long started) {
        String id = staged.facts().documentId();
        String path = folder.keep(staged.path(), id, fileName);
        DocumentRecord record = prepared.record().withPaths(List.of(path), fileName).withAddedBy(addedBy);
        try {
            indexed(() -> index.upsert(record, prepared.chunks()));
            committed(index::commit);
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
    }

    /**
     * An uploaded container, with every document locked: known already (the same archive again: nothing changes but,
     * at most, an uploaded copy kept), or kept and indexed with its members in one commit.
     *
     * @param prepared the container made ready, or null when its bytes were known at the first look
     */
    private IngestOutcome uploadContainer(ChunkStore index, PreparedContainer prepared, Staged staged, String fileName,
                                          String addedBy, long started) {
        ContainerWrites writes = new ContainerWrites(pipeline, index);
        String id = staged.facts().documentId();
        Optional<DocumentRecord> known = writes.find(id);
        if (known.isPresent()) {
            return knownContainer(writes, known.get(), staged, fileName);
        }
        PreparedContainer container = prepared != null ? prepared
                : (PreparedContainer) pipeline.prepareFile(staged.path(), fileName, staged.facts(), List.of(),
                        Instant.now(), indexedIn(index));
        String path = folder.keep(staged.path(), id, fileName);
        try {
            List<MemberOutcome> members = indexedMembers(() -> writes.put(container, path, List.of(path),
                    container.record().addedAt(), addedBy, List.of()));
            committed(index::commit);
            DocumentRecord record = writes.find(id).orElseThrow();
            log.info("Uploaded {} as {}: {} members, {} read, in {} ms", fileName, id, members.size(),
                    members.stream().filter(member -> member.document() != null).count(),
                    (System.nanoTime() - started) / 1_000_000);
            return new IngestOutcome(record, Change.CREATED, members, container.damage());
        } catch (RuntimeException e) {
            // Not acknowledged, so not kept; what a failed write left is rolled back, and members another writer's
            // commit took along meanwhile lose their container's file, so the next sync drops them.
            folder.remove(path);
            try {
                writes.dropMembers(path);
                writes.delete(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The same container uploaded again: its members as they are, and an uploaded copy kept if it had none. */
    private IngestOutcome knownContainer(ContainerWrites writes, DocumentRecord known, Staged staged, String fileName) {
        String membersAt = known.paths().get(0);
        if (known.paths().stream().noneMatch(path -> path.startsWith(IngestFolder.UPLOADS + "/"))) {
            String path = folder.keep(staged.path(), known.id(), fileName);
            List<String> paths = new ArrayList<>(known.paths());
            paths.add(path);
            try {
                writes.updateRecord(known.withPaths(paths, known.fileName()));
                writes.copyMembers(membersAt, path);
                writes.commit();
            } catch (RuntimeException e) {
                folder.remove(path);
                throw e;
            }
        }
        DocumentRecord record = writes.find(known.id()).orElse(known);
        return new IngestOutcome(record, Change.KNOWN, writes.members(membersAt, Change.KNOWN), null);
    }

    /** Whether a document's bytes are indexed under the current pipeline: a container's member needs no embedding. */
    private Predicate<String> indexedIn(ChunkStore index) {
        return id -> index.find(id).filter(pipeline::isCurrent).isPresent();
    }

    /**
     * An upload of bytes already known is acknowledged, so it must outlive the file it duplicates: when the
     * document has no uploaded copy yet (it came from a folder, where it may be deleted), this one is kept.
     */
    private DocumentRecord keepUploadedCopy(ChunkStore index, DocumentRecord known, Staged staged, String fileName) {
        if (known.paths().stream().anyMatch(path -> path.startsWith(IngestFolder.UPLOADS + "/"))) {
            return known;
        }
        String path = folder.keep(staged.path(), known.id(), fileName);
        List<String> paths = new ArrayList<>(known.paths());
        paths.add(path);
        DocumentRecord record = known.withPaths(paths, known.fileName());
        try {
            index.updateRecord(record);
            index.commit();
        } catch (RuntimeException e) {
            folder.remove(path);
            throw e;
        }
        return record;
    }

    /**
     * What a file of a source folder needs (see {@link FilePlan}): nothing, a new path for known bytes, or making.
     *
     * @param previous the document that held the file's path when the caller last looked, if any
     */
    public FilePlan plan(SourceFile source, DocumentRecord previous) {
        return FilePlan.of(source.recordedPath(), source.facts(), previous, () -> find(source.facts().documentId()),
                pipeline::isCurrent);
    }

    /**
     * Parses, splits and embeds a source file's document ahead of its write, without locks and without touching the
     * index: a folder pass makes the next files while it writes the current one.
     */
    public Prepared prepare(SourceFile source) {
        requireIndexableSize(source.facts().sizeBytes());
        String path = source.recordedPath();
        return pipeline.prepareFile(source.file(), fileNameOf(path), source.facts(), List.of(path), Instant.now(),
                id -> withIndex(index -> indexedIn(index).test(id)));
    }

    /**
     * Indexes a file of a source folder as its {@link #plan} says, looked at again under the document's lock: known
     * bytes at a new path only gain that path (no parsing, no embedding); new or changed bytes are parsed, embedded
     * and put in place of the document the path held before, in one step. Nothing is written when the file changed
     * or went away since it was hashed ({@link Change#STALE}), or when making the new version fails (the old one
     * stays until a later pass succeeds). A container's members are put in place of those its path held before: a
     * member whose bytes did not change keeps its passages.
     *
     * @param previous the document the path held when the caller last looked, if any; if it still holds the path
     *                 and the bytes changed, the path is taken from it (and the document removed with its last path)
     */
    public IngestOutcome ingestFile(SourceFile source, DocumentRecord previous) {
        return counted(write(source, previous, null, true), "sync");
    }

    /**
     * Writes of source files committed together (see {@link WriteBatch}): what a folder pass uses, so that a commit
     * is not paid per file.
     */
    public <F> WriteBatch<F> writeBatch(Duration commitAfter, WriteBatch.Listener<F> listener) {
        return new WriteBatch<>(this, commitAfter, listener);
    }

    /**
     * {@link #ingestFile} without the commit, with the document made ahead by {@link #prepare} when given (else made
     * here): for {@link WriteBatch}, which commits. A write that touches a container commits itself (see {@link
     * #touchesContainers}).
     */
    IngestOutcome write(SourceFile source, DocumentRecord previous, Prepared ahead) {
        return counted(write(source, previous, ahead, false), "sync");
    }

    /** Counts a document added or replaced (an archive's members with it), for {@code /actuator/prometheus}. */
    private IngestOutcome counted(IngestOutcome outcome, String via) {
        Outcomes.Change change = switch (outcome.change()) {
            case CREATED -> Outcomes.Change.ADDED;
            case REPLACED -> Outcomes.Change.REPLACED;
            default -> null;
        };
        if (change != null) {
            outcomes.document(change, null, via);
        }
        for (MemberOutcome member : outcome.members()) {
            if (member.change() == Change.CREATED || member.change() == Change.REPLACED) {
                outcomes.document(member.change() == Change.CREATED ? Outcomes.Change.ADDED : Outcomes.Change.REPLACED,
                        null, via);
            }
        }
        return outcome;
    }

    /** The index stage of a write: its chunks put in place, observed as {@code groundwork.ingest.stage}. */
    private void indexed(Runnable write) {
        try (Stage stage = stages.start(Stages.INGEST, "index")) {
            write.run();
        }
    }

    /** The index stage of a container's write: its members put in place. */
    private List<MemberOutcome> indexedMembers(Supplier<List<MemberOutcome>> write) {
        try (Stage stage = stages.start(Stages.INGEST, "index")) {
            return write.get();
        }
    }

    /** The commit stage of a write: made durable and searchable. */
    private void committed(Runnable commit) {
        try (Stage stage = stages.start(Stages.INGEST, "commit")) {
            commit.run();
        }
    }

    /**
     * Whether writing this file may touch a container (an archive or a mailbox, known or made ahead, at its path or of
     * its bytes): such a write runs with every document locked and commits itself, so a batch commits what it holds
     * first, as a container's write reads documents the batch may have written.
     */
    boolean touchesContainers(SourceFile source, DocumentRecord previous, Prepared ahead) {
        return ahead instanceof PreparedContainer || (previous != null && DocumentTypes.isContainer(previous))
                || find(source.facts().documentId()).filter(DocumentTypes::isContainer).isPresent();
    }

    /** @param commit whether to commit, under the lock, before it returns */
    private IngestOutcome write(SourceFile source, DocumentRecord previous, Prepared ahead, boolean commit) {
        FileFacts facts = source.facts();
        requireIndexableSize(facts.sizeBytes());
        String id = facts.documentId();
        String previousId = previous == null ? id : previous.id();
        Prepared[] made = {ahead};
        if (!touchesContainers(source, previous, ahead)) {
            // Both documents are locked: the path may move from one to the other, and a concurrent delete of either
            // must not interleave with that.
            IngestOutcome outcome = locks.withLocks(id, previousId, () -> withIndex(index ->
                    writeDocument(index, source, previousId, made, commit)));
            if (outcome != NEEDS_ALL_LOCKS) {
                return outcome;
            }
        }
        return locks.withAll(() -> withIndex(index ->
                writeWithContainers(new ContainerWrites(pipeline, index), source, previousId, made[0])));
    }

    /**
     * A file's write when neither its bytes nor the document its path held are a container; {@link #NEEDS_ALL_LOCKS}
     * when, looked at under the lock, one is (the file's document made here is kept in {@code made}).
     */
    private IngestOutcome writeDocument(ChunkStore index, SourceFile source, String previousId, Prepared[] made,
                                        boolean commit) {
        FileFacts facts = source.facts();
        String id = facts.documentId();
        String path = source.recordedPath();
        // 1. the file must still be the one that was hashed
        if (!source.unchanged()) {
            return new IngestOutcome(null, Change.STALE);
        }
        // 2. what the index holds now (not what the caller saw), and what the file needs
        Optional<DocumentRecord> known = index.find(id);
        Optional<DocumentRecord> losing = previousId.equals(id) ? Optional.empty()
                : index.find(previousId).filter(document -> document.paths().contains(path));
        if (known.filter(DocumentTypes::isContainer).isPresent() || losing.filter(DocumentTypes::isContainer).isPresent()) {
            return NEEDS_ALL_LOCKS;
        }
        DocumentRecord holding = losing.or(() -> known.filter(document -> document.paths().contains(path)))
                .orElse(null);
        FilePlan plan = FilePlan.of(path, facts, holding, () -> known, pipeline::isCurrent);
        List<String> replacing = losing.filter(document -> document.paths().size() == 1)
                .map(document -> List.of(document.id())).orElse(List.of());
        Optional<DocumentRecord> detached = losing.filter(document -> document.paths().size() > 1)
                .map(document -> withoutPath(document, path));
        // 3. known bytes under the current pipeline: at most a new path, never parsed or embedded again
        if (plan instanceof FilePlan.Unchanged unchanged) {
            return new IngestOutcome(unchanged.document(), Change.KNOWN);
        }
        if (plan instanceof FilePlan.NewPath newPath) {
            boolean pathAdded = !newPath.document().paths().contains(path);
            DocumentRecord record = pathAdded ? withPath(newPath.document(), path) : newPath.document();
            if (pathAdded) {
                index.updateRecord(record);
            }
            detached.ifPresent(index::updateRecord);
            replacing.forEach(index::delete);
            if (commit) {
                index.commit();
            }
            return new IngestOutcome(record, pathAdded ? Change.PATH_ADDED : Change.KNOWN);
        }
        // 4. new or changed bytes, or made under another pipeline: parse, split, embed
        List<String> paths = pathsWith(known, path);
        Instant addedAt = known.map(DocumentRecord::addedAt).orElseGet(Instant::now);
        made[0] = madeFor(made[0], source, paths, addedAt, indexedIn(index));
        if (made[0] instanceof PreparedContainer) {
            return NEEDS_ALL_LOCKS;
        }
        PreparedDocument prepared = (PreparedDocument) made[0];
        if (!source.unchanged()) {
            return new IngestOutcome(null, Change.STALE);
        }
        // 5. replace the old versions in one step, and commit or leave the commit to the batch
        indexed(() -> index.upsert(prepared.record(), prepared.chunks(), replacing));
        detached.ifPresent(index::updateRecord);
        if (commit) {
            committed(index::commit);
        }
        Change change = known.isPresent() || losing.isPresent() ? Change.REPLACED : Change.CREATED;
        return new IngestOutcome(prepared.record(), change);
    }

    /**
     * A file's write when a container is involved, with every document locked: the same steps as {@link
     * #writeDocument}, a container's members put in place of those its path held (see {@link ContainerWrites}), and
     * the path's members dropped when a container leaves it. Commits before it returns.
     */
    private IngestOutcome writeWithContainers(ContainerWrites writes, SourceFile source, String previousId,
                                              Prepared ahead) {
        FileFacts facts = source.facts();
        String id = facts.documentId();
        String path = source.recordedPath();
        // 1. the file must still be the one that was hashed
        if (!source.unchanged()) {
            return new IngestOutcome(null, Change.STALE);
        }
        // 2. what the index holds now, and what the file needs
        Optional<DocumentRecord> known = writes.find(id);
        Optional<DocumentRecord> losing = previousId.equals(id) ? Optional.empty()
                : writes.find(previousId).filter(document -> document.paths().contains(path));
        DocumentRecord holding = losing.or(() -> known.filter(document -> document.paths().contains(path)))
                .orElse(null);
        FilePlan plan = FilePlan.of(path, facts, holding, () -> known, pipeline::isCurrent);
        if (plan instanceof FilePlan.Unchanged unchanged) {
            return new IngestOutcome(unchanged.document(), Change.KNOWN);
        }
        // 3. known bytes: the path joins them, and a container's members are copied to it, nothing embedded
        if (plan instanceof FilePlan.NewPath newPath) {
            losing.ifPresent(document -> writes.dropPath(document, path));
            DocumentRecord record = newPath.document();
            boolean pathAdded = !record.paths().contains(path);
            if (pathAdded) {
                record = withPath(record, path);
                writes.updateRecord(record);
            }
            List<MemberOutcome> members = List.of();
            if (DocumentTypes.isContainer(record)) {
                String from = record.paths().stream().filter(other -> !other.equals(path)).findFirst().orElse(path);
                members = writes.copyMembers(from, path);
            }
            writes.commit();
            return new IngestOutcome(record, pathAdded ? Change.PATH_ADDED : Change.KNOWN, members, null);
        }
        // 4. new or changed bytes: parse, split, embed (a container's members known already are not embedded)
        List<String> paths = pathsWith(known, path);
        Instant addedAt = known.map(DocumentRecord::addedAt).orElseGet(Instant::now);
        Prepared prepared = madeFor(ahead, source, paths, addedAt,
                member -> writes.find(member).filter(pipeline::isCurrent).isPresent());
        if (!source.unchanged()) {
            return new IngestOutcome(null, Change.STALE);
        }
        // 5. put it in place of what the path held, and commit
        List<String> replacing = losing.filter(document -> document.paths().size() == 1)
                .map(document -> List.of(document.id())).orElse(List.of());
        Optional<DocumentRecord> detached = losing.filter(document -> document.paths().size() > 1)
                .map(document -> withoutPath(document, path));
        Change change = known.isPresent() || losing.isPresent() ? Change.REPLACED : Change.CREATED;
        if (prepared instanceof PreparedContainer container) {
            List<MemberOutcome> members = indexedMembers(() -> writes.put(container, path, paths, addedAt, null,
                    replacing));
            detached.ifPresent(writes::updateRecord);
            committed(writes::commit);
            return new IngestOutcome(writes.find(id).orElseThrow(), change, members, container.damage());
        }
        PreparedDocument document = (PreparedDocument) prepared;
        if (losing.filter(DocumentTypes::isContainer).isPresent()) {
            writes.dropMembers(path);
        }
        indexed(() -> writes.upsert(document.record(), document.chunks(), replacing));
        detached.ifPresent(writes::updateRecord);
        committed(writes::commit);
        return new IngestOutcome(document.record(), change);
    }

    /** The file's document made ahead, placed at its paths, if it is of these bytes and this pipeline; else made now. */
    private Prepared madeFor(Prepared ahead, SourceFile source, List<String> paths, Instant addedAt,
                             Predicate<String> indexed) {
        String fileName = fileNameOf(source.recordedPath());
        if (ahead == null || !ahead.record().sha256().equals(source.facts().sha256())
                || !pipeline.isCurrent(ahead.record())) {
            return pipeline.prepareFile(source.file(), fileName, source.facts(), paths, addedAt, indexed);
        }
        if (ahead instanceof PreparedDocument document) {
            return new PreparedDocument(placed(document.record(), fileName, paths, addedAt), document.chunks());
        }
        return ahead;
    }

    private static List<String> pathsWith(Optional<DocumentRecord> known, String path) {
        List<String> paths = new ArrayList<>(known.map(DocumentRecord::paths).orElse(List.of()));
        if (!paths.contains(path)) {
            paths.add(path);
        }
        return paths;
    }

    /** Makes every write of this thread so far durable; see {@link ChunkStore#commit()}. */
    void commit() {
        withIndex(index -> {
            committed(index::commit);
            return null;
        });
    }

    /** A document made ahead, under the paths and the time it is indexed with. */
    private static DocumentRecord placed(DocumentRecord made, String fileName, List<String> paths, Instant addedAt) {
        return new DocumentRecord(made.id(), made.sha256(), made.title(), made.about(), fileName, paths, made.contentType(),
                made.sizeBytes(), made.pages(), made.chunks(), addedAt, made.pipeline(), made.addedBy(), made.ocrPages(),
                made.ocrFailedPages());
    }

    /**
     * Refuses a file the ingestion would refuse anyway (too large, empty), before anyone reads it.
     *
     * @throws RejectedDocumentException with {@code TOO_LARGE} or {@code UNSUPPORTED_TYPE}
     */
    public void requireIndexableSize(long sizeBytes) {
        if (sizeBytes > settings.maxFileSize().toBytes()) {
            throw new RejectedDocumentException(Reason.TOO_LARGE,
                    "The file is larger than the limit of " + settings.maxFileSize().toBytes() + " bytes.");
        }
        if (sizeBytes == 0) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "The file is empty.");
        }
    }

    /**
     * The file at a path is gone: the path is dropped from its document, and the document removed when no file
     * holds it any more; a container's members at that path go with it. Nothing happens if the file came back in the
     * meantime, or the path no longer belongs to the document. A member's path (left behind by a container whose write
     * failed) is dropped when its container's file is gone.
     *
     * @param file where the path's file (for a member's path: its container's file) is on disk; null when its source
     *             no longer exists
     * @return whether the path was dropped
     */
    public boolean forgetPath(DocumentRecord document, String recordedPath, Path file) {
        if (MemberPath.isMember(recordedPath) || DocumentTypes.isContainer(document)) {
            return locks.withAll(() -> withIndex(index -> {
                ContainerWrites writes = new ContainerWrites(pipeline, index);
                Optional<DocumentRecord> current = writes.find(document.id());
                if (current.isEmpty() || !current.get().paths().contains(recordedPath)
                        || (file != null && FileStamp.of(file).isPresent())) {
                    return false;
                }
                writes.dropPath(current.get(), recordedPath);
                writes.commit();
                return true;
            }));
        }
        return locks.withLock(document.id(), () -> withIndex(index -> {
            Optional<DocumentRecord> current = index.find(document.id());
            if (current.isEmpty() || !current.get().paths().contains(recordedPath)
                    || (file != null && FileStamp.of(file).isPresent())) {
                return false;
            }
            boolean removed = current.get().paths().size() == 1;
            if (removed) {
                index.delete(document.id());
            } else {
                index.updateRecord(withoutPath(current.get(), recordedPath));
            }
            index.commit();
            if (removed) {
                outcomes.document(Outcomes.Change.REMOVED, null, "sync");
            }
            return true;
        }));
    }

    /**
     * Removes a document: its files first (the folder is the source of truth), then its chunks. A file whose bytes
     * changed since it was indexed is another document now and is left alone. A document with a file in an extra
     * source folder is refused: Groundwork does not delete files in folders it does not own; so is a member of an
     * archive or a mailbox, whose bytes are in that file. A container goes with its members (each with its last path).
     */
    public DocumentRecord delete(String id) {
        DocumentRecord found = find(id).orElseThrow(() -> new DocumentNotFoundException(id));
        if (!DocumentTypes.isContainer(found)) {
            return locks.withLock(id, () -> withIndex(index -> {
                DocumentRecord record = index.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
                requireDeletable(record);
                removeFiles(record);
                index.delete(id);
                index.commit();
                outcomes.document(Outcomes.Change.REMOVED, null, "api");
                log.info("Deleted document {} ({} files)", id, record.paths().size());
                return record;
            }));
        }
        return locks.withAll(() -> withIndex(index -> {
            ContainerWrites writes = new ContainerWrites(pipeline, index);
            DocumentRecord record = writes.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
            requireDeletable(record);
            removeFiles(record);
            record.paths().forEach(writes::dropMembers);
            writes.delete(id);
            writes.commit();
            outcomes.document(Outcomes.Change.REMOVED, null, "api");
            log.info("Deleted container {} ({} files) and its members", id, record.paths().size());
            return record;
        }));
    }

    private static void requireDeletable(DocumentRecord record) {
        List<String> inArchives = record.paths().stream().filter(MemberPath::isMember).toList();
        if (!inArchives.isEmpty()) {
            throw new DocumentInArchiveException(record.id(), inArchives);
        }
        List<String> elsewhere = record.paths().stream().filter(path -> !SourcePath.of(path).inIngestFolder()).toList();
        if (!elsewhere.isEmpty()) {
            throw new DocumentInSourceException(record.id(), elsewhere);
        }
    }

    private void removeFiles(DocumentRecord record) {
        for (String path : record.paths()) {
            if (holdsBytesOf(path, record)) {
                folder.remove(path);
            } else {
                log.warn("Not deleting {}: it no longer holds the bytes of document {}", path, record.id());
            }
        }
    }

    private boolean holdsBytesOf(String path, DocumentRecord record) {
        Path file = folder.resolve(path);
        return FileStamp.of(file).isPresent() && FileFacts.of(file).sha256().equals(record.sha256());
    }

    /**
     * The same service writing to another index (a generation being rebuilt). It shares the folder and the pipeline
     * but not the locks: the other index is private to its caller until it is switched in.
     */
    public IngestionService writingTo(ChunkStore target) {
        // a rebuild's writes are the same documents again: timed, but not counted as added
        return new IngestionService(folder, pipeline, ServingIndex.of(target), settings, stages, Outcomes.NONE);
    }

    /**
     * Runs {@code work} while no upload, delete or file write is in progress, and none starts: every write holds its
     * document's lock from its first read to its last write, and takes the serving index only under it, so inside
     * this barrier the index and the folders agree and another index can be switched in.
     */
    public <T> T exclusively(Supplier<T> work) {
        return locks.withAll(work);
    }

    /** Whether a document is a container (an archive, a mailbox): it holds no passages, its members do. */
    public static boolean isContainer(DocumentRecord document) {
        return DocumentTypes.isContainer(document);
    }

    /** Whether a container is a mailbox (its members are messages), not an archive. */
    public static boolean isMailbox(DocumentRecord container) {
        return DocumentTypes.isMailbox(org.apache.tika.mime.MediaType.parse(container.contentType()));
    }

    /**
     * The members of each container among {@code documents}, by the container's id: the documents with a path under one
     * of its paths.
     */
    public static Map<String, List<DocumentRecord>> membersOf(List<DocumentRecord> documents) {
        Map<String, String> containerAt = new HashMap<>();
        for (DocumentRecord document : documents) {
            if (DocumentTypes.isContainer(document)) {
                document.paths().forEach(path -> containerAt.put(path, document.id()));
            }
        }
        Map<String, List<DocumentRecord>> members = new HashMap<>();
        for (DocumentRecord document : documents) {
            document.paths().stream().map(MemberPath::of).flatMap(Optional::stream)
                    .map(member -> containerAt.get(member.container())).filter(java.util.Objects::nonNull).distinct()
                    .forEach(container -> members.computeIfAbsent(container, id -> new ArrayList<>()).add(document));
        }
        return members;
    }

    public Optional<DocumentRecord> find(String id) {
        return withIndex(index -> index.find(id));
    }

    public List<DocumentRecord> documents() {
        return withIndex(ChunkStore::documents);
    }

    public IndexStats stats() {
        return withIndex(ChunkStore::stats);
    }

    /** Signature of the pipeline new documents go through. */
    public String pipelineSignature() {
        return pipeline.signature();
    }

    private DocumentRecord withPath(DocumentRecord record, String recordedPath) {
        List<String> paths = new ArrayList<>(record.paths());
        paths.add(recordedPath);
        // Keep showing the name the document was known by while another of its files is there; a moved file takes
        // its new name (extra source paths cannot be checked from here and count as there until a pass forgets them).
        boolean othersThere = record.paths().stream().anyMatch(path -> MemberPath.isMember(path)
                || !SourcePath.of(path).inIngestFolder() || folder.exists(path));
        return record.withPaths(paths, othersThere ? record.fileName() : fileNameOf(recordedPath));
    }

    private static DocumentRecord withoutPath(DocumentRecord record, String recordedPath) {
        List<String> rest = record.paths().stream().filter(path -> !path.equals(recordedPath)).toList();
        return record.withPaths(rest, ContainerWrites.nameOf(rest.get(0)));
    }

    private static String fileNameOf(String recordedPath) {
        return recordedPath.substring(recordedPath.lastIndexOf('/') + 1);
    }
}
