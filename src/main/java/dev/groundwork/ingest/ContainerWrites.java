package dev.groundwork.ingest;

import dev.groundwork.index.ChunkStore;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.EmbeddedChunk;
import dev.groundwork.ingest.DocumentPipeline.PreparedDocument;
import dev.groundwork.ingest.IngestionService.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a container (an archive, a mailbox) and its members to the index, and keeps its members in line with it when
 * its paths change. A member is a document of its own, known by its own bytes like any file: the same member in two
 * archives, or sent alone as well, is one document with one path per place it is in. A member's path is its
 * container's path and its name ({@link MemberPath}), so what a container at a path holds is read from the index by
 * that prefix: when the container at a path changes, its members there are made to be exactly the new container's
 * readable members (unchanged ones keep their passages and vectors), and when a path of a container goes, its members'
 * paths under it go, each document with its last path.
 *
 * <p>One of these is made for one operation, with every document locked ({@link KeyedLocks#withAll}): a container
 * touches documents it cannot name before it is read, and other writes of those documents must wait. It reads the
 * index through its own writes (which searches see only after a refresh): a member written a moment ago is found. The
 * container's own record is written last, after its members: a crash in between leaves members without a container
 * record, which the next sync, finding the file not indexed, makes again in full.
 */
final class ContainerWrites {

    private final DocumentPipeline pipeline;
    private final ChunkStore index;
    /** What this operation wrote, by document id; null for a document it removed. */
    private final Map<String, DocumentRecord> written = new HashMap<>();

    ContainerWrites(DocumentPipeline pipeline, ChunkStore index) {
        this.pipeline = pipeline;
        this.index = index;
    }

    // ---- the index, as this operation left it

    Optional<DocumentRecord> find(String id) {
        return written.containsKey(id) ? Optional.ofNullable(written.get(id)) : index.find(id);
    }

    private List<DocumentRecord> documents() {
        Map<String, DocumentRecord> all = new LinkedHashMap<>();
        index.documents().forEach(document -> all.put(document.id(), document));
        written.forEach((id, record) -> {
            if (record == null) {
                all.remove(id);
            } else {
                all.put(id, record);
            }
        });
        return List.copyOf(all.values());
    }

    void upsert(DocumentRecord record, List<EmbeddedChunk> chunks, List<String> replacing) {
        index.upsert(record, chunks, replacing);
        replacing.forEach(id -> written.put(id, null));
        written.put(record.id(), record);
    }

    void updateRecord(DocumentRecord record) {
        index.updateRecord(record);
        written.put(record.id(), record);
    }

    void delete(String id) {
        index.delete(id);
        written.put(id, null);
    }

    /** Makes every write so far durable; see {@link ChunkStore#commit()}. */
    void commit() {
        index.commit();
    }

    /** Removes one path of a document, and the document with its last path; a container's members go with it. */
    void dropPath(DocumentRecord document, String path) {
        DocumentRecord current = find(document.id()).orElse(null);
        if (current == null || !current.paths().contains(path)) {
            return;
        }
        List<String> rest = current.paths().stream().filter(p -> !p.equals(path)).toList();
        if (rest.isEmpty()) {
            delete(current.id());
        } else {
            updateRecord(current.withPaths(rest, nameOf(rest.get(0))));
        }
        if (DocumentTypes.isContainer(current)) {
            dropMembers(path);
        }
    }

    // ---- containers and their members

    /**
     * Puts a container at {@code path} with its members in place of what that path held: the container's record (with
     * the paths it has) and every member it could read, then the paths under {@code path} that are no longer its
     * members are dropped.
     *
     * @param paths     the container record's paths, {@code path} among them
     * @param addedBy   who uploaded it, recorded on it and on the members it adds; null for a folder's file
     * @param replacing documents to remove in the same step (one that held {@code path} alone before)
     * @return each member's outcome, in the container's order
     */
    List<MemberOutcome> put(PreparedContainer container, String path, List<String> paths, Instant addedAt,
                            String addedBy, List<String> replacing) {
        String fileName = fileNameOf(path);
        List<MemberOutcome> outcomes = new ArrayList<>(container.members().size());
        Map<String, String> kept = new HashMap<>(); // member path -> the document that holds it now
        for (PreparedContainer.Member member : container.members()) {
            String memberPath = new MemberPath(path, member.name()).recorded();
            MemberOutcome outcome = putMember(member, fileName, memberPath, addedAt, addedBy);
            if (outcome.document() != null) {
                kept.put(memberPath, outcome.document().id());
            }
            outcomes.add(outcome);
        }
        dropMembersExcept(path, kept);
        DocumentRecord made = container.record();
        upsert(new DocumentRecord(made.id(), made.sha256(), made.title(), made.about(), fileName, paths,
                made.contentType(), made.sizeBytes(), made.pages(), 0, addedAt, made.pipeline(), addedBy), List.of(),
                replacing);
        return outcomes;
    }

    private MemberOutcome putMember(PreparedContainer.Member member, String containerFileName, String memberPath,
                                    Instant addedAt, String addedBy) {
        if (member instanceof PreparedContainer.Refused refused) {
            return MemberOutcome.refused(member.name(), refused.refusal());
        }
        FileFacts facts = member instanceof PreparedContainer.Made made ? factsOf(made.document().record())
                : ((PreparedContainer.Parsed) member).facts();
        Optional<DocumentRecord> known = find(facts.documentId());
        // 1. bytes indexed under this pipeline: at most a new path, never embedded again
        if (known.isPresent() && pipeline.isCurrent(known.get())) {
            if (known.get().paths().contains(memberPath)) {
                return MemberOutcome.of(member.name(), known.get(), Change.KNOWN);
            }
            DocumentRecord record = withPath(known.get(), memberPath);
            updateRecord(record);
            return MemberOutcome.of(member.name(), record, Change.PATH_ADDED);
        }
        // 2. new bytes, or made by another pipeline: the document made ahead, or made now
        PreparedDocument made = member instanceof PreparedContainer.Made ahead ? ahead.document()
                : pipeline.prepareMember(containerFileName, member.name(), facts,
                        ((PreparedContainer.Parsed) member).document(), addedAt);
        List<String> paths = new ArrayList<>(known.map(DocumentRecord::paths).orElse(List.of()));
        paths.add(memberPath);
        DocumentRecord record = made.record().withPaths(paths,
                known.map(DocumentRecord::fileName).orElse(made.record().fileName()))
                .withAddedBy(known.map(DocumentRecord::addedBy).orElse(addedBy));
        upsert(record, made.chunks(), List.of());
        return MemberOutcome.of(member.name(), record, known.isPresent() ? Change.REPLACED : Change.CREATED);
    }

    /**
     * The container's path {@code to} gains the members it has at {@code from} (the same bytes, found at another path):
     * no member is read or embedded again.
     */
    List<MemberOutcome> copyMembers(String from, String to) {
        List<MemberOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, DocumentRecord> member : membersAt(from)) {
            String name = MemberPath.of(member.getKey()).orElseThrow().name();
            String memberPath = new MemberPath(to, name).recorded();
            DocumentRecord record = find(member.getValue().id()).orElse(member.getValue());
            if (!record.paths().contains(memberPath)) {
                record = withPath(record, memberPath);
                updateRecord(record);
            }
            outcomes.add(MemberOutcome.of(name, record, Change.PATH_ADDED));
        }
        return outcomes;
    }

    /** The members the container at {@code path} holds in the index now, as outcomes of {@code change}. */
    List<MemberOutcome> members(String path, Change change) {
        List<MemberOutcome> outcomes = new ArrayList<>();
        membersAt(path).forEach(member -> outcomes.add(
                MemberOutcome.of(MemberPath.of(member.getKey()).orElseThrow().name(), member.getValue(), change)));
        return outcomes;
    }

    /** The container's path is gone: its members' paths under it go, and each member with its last path. */
    void dropMembers(String path) {
        dropMembersExcept(path, Map.of());
    }

    /** Drops every member path under {@code path} but those {@code kept} by the document that holds them now. */
    private void dropMembersExcept(String path, Map<String, String> kept) {
        Map<String, List<String>> dropping = new LinkedHashMap<>(); // document id -> its paths to drop
        Map<String, DocumentRecord> holders = new HashMap<>();
        membersAt(path).forEach(member -> {
            DocumentRecord record = member.getValue();
            if (!record.id().equals(kept.get(member.getKey()))) {
                dropping.computeIfAbsent(record.id(), id -> new ArrayList<>()).add(member.getKey());
                holders.put(record.id(), record);
            }
        });
        dropping.forEach((id, memberPaths) -> {
            DocumentRecord record = find(id).orElse(holders.get(id));
            List<String> rest = record.paths().stream().filter(p -> !memberPaths.contains(p)).toList();
            if (rest.isEmpty()) {
                delete(id);
            } else {
                updateRecord(record.withPaths(rest, nameOf(rest.get(0))));
            }
        });
    }

    /**
     * Every member path under the container's {@code path}, with each document that holds it (two, for a moment, when
     * the member's bytes changed), in path order.
     */
    private List<Map.Entry<String, DocumentRecord>> membersAt(String path) {
        String prefix = MemberPath.prefixOf(path);
        List<Map.Entry<String, DocumentRecord>> members = new ArrayList<>();
        for (DocumentRecord document : documents()) {
            for (String recorded : document.paths()) {
                if (recorded.startsWith(prefix)) {
                    members.add(Map.entry(recorded, document));
                }
            }
        }
        members.sort(Map.Entry.comparingByKey());
        return members;
    }

    private static DocumentRecord withPath(DocumentRecord record, String memberPath) {
        List<String> paths = new ArrayList<>(record.paths());
        paths.add(memberPath);
        return record.withPaths(paths, record.fileName());
    }

    private static FileFacts factsOf(DocumentRecord record) {
        return new FileFacts(record.sizeBytes(), record.sha256());
    }

    /** The name a path is shown by: a file's name, or a member's {@code archive.zip/inner/report.pdf}. */
    static String nameOf(String recordedPath) {
        return MemberPath.of(recordedPath).map(MemberPath::displayName).orElseGet(() -> fileNameOf(recordedPath));
    }

    private static String fileNameOf(String recordedPath) {
        return recordedPath.substring(recordedPath.lastIndexOf('/') + 1);
    }
}
