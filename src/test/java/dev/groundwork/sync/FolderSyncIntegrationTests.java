package dev.groundwork.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.DocumentInSourceException;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.ingest.IngestionService.Change;
import dev.groundwork.ingest.IngestionService.IngestOutcome;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.Retriever;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.ObservedEncoder;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = {"groundwork.sync.cron=-", "groundwork.sync.on-startup=false"})
@Import(ObservedEncoder.Config.class)
@DirtiesContext
class FolderSyncIntegrationTests {

    static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
        registry.add("groundwork.sync.sources[0].name", () -> "notes");
        registry.add("groundwork.sync.sources[0].dir", () -> root.resolve("notes").toString());
        registry.add("groundwork.sync.sources[0].include", () -> "**/*.md,**/*.txt");
        registry.add("groundwork.sync.sources[0].exclude", () -> "drafts/**");
    }

    @Autowired
    FolderSync sync;

    @Autowired
    IngestionService ingestion;

    @Autowired
    ObservedEncoder encoder;

    @Autowired
    Retriever retriever;

    Path ingest;
    Path notes;

    @BeforeEach
    void emptyFoldersAndIndex() throws IOException {
        ingest = root.resolve("ingest");
        notes = root.resolve("notes");
        clear(ingest);
        clear(notes);
        sync.runNow(SyncTrigger.MANUAL);
        assertThat(ingestion.documents()).isEmpty();
    }

    @Test
    void aRunAppliesExactlyTheAddsChangesDeletesRenamesAndMovesMadeSinceTheLast() throws IOException {
        // given four indexed files
        write(ingest, "a.txt", "Aardvarks dig long burrows at night.");
        write(ingest, "b.txt", "Bisons graze on the open prairie.");
        write(ingest, "c.txt", "Capybaras rest beside warm rivers.");
        write(ingest, "sub/d.txt", "Dolphins whistle to one another.");
        assertThat(sync.runNow(SyncTrigger.SCHEDULE).added()).isEqualTo(4);
        Map<String, DocumentRecord> before = byPath();
        int embedded = encoder.passages();

        // when one changes, one goes, one is renamed, one moves to another folder, and one is new
        write(ingest, "a.txt", "Aardvarks eat termites and ants, many thousands a night.");
        Files.delete(ingest.resolve("b.txt"));
        Files.move(ingest.resolve("c.txt"), ingest.resolve("c-renamed.txt"));
        Files.createDirectories(ingest.resolve("other"));
        Files.move(ingest.resolve("sub/d.txt"), ingest.resolve("other/d.txt"));
        write(ingest, "e.txt", "Egrets stand still in shallow water.");
        SyncReport report = sync.runNow(SyncTrigger.SCHEDULE);

        // then the report counts each change once
        assertThat(report.phase()).isEqualTo(SyncReport.Phase.COMPLETED);
        assertThat(List.of(report.seen(), report.added(), report.updated(), report.moved(), report.removed(),
                report.unchanged(), report.failedCount())).containsExactly(4, 1, 1, 2, 1, 0, 0);
        // and the index holds exactly the folder
        Map<String, DocumentRecord> after = byPath();
        assertThat(after.keySet()).containsExactlyInAnyOrder("a.txt", "c-renamed.txt", "other/d.txt", "e.txt");
        assertThat(ingestion.stats().documents()).isEqualTo(4);
        assertThat(after.get("a.txt").id()).isNotEqualTo(before.get("a.txt").id());
        assertThat(ingestion.find(before.get("a.txt").id())).isEmpty();
        assertThat(ingestion.find(before.get("b.txt").id())).isEmpty();
        // and renamed and moved files kept their document, under the new name
        assertThat(after.get("c-renamed.txt")).satisfies(renamed -> {
            assertThat(renamed.id()).isEqualTo(before.get("c.txt").id());
            assertThat(renamed.fileName()).isEqualTo("c-renamed.txt");
            assertThat(renamed.paths()).containsExactly("c-renamed.txt");
        });
        assertThat(after.get("other/d.txt").id()).isEqualTo(before.get("sub/d.txt").id());
        // and only the changed and the new file were embedded
        assertThat(encoder.passages() - embedded).isEqualTo(after.get("a.txt").chunks() + after.get("e.txt").chunks());
        assertThat(retriever.retrieve(RetrievalRequest.of("termites")).chunks().get(0).document().id())
                .isEqualTo(after.get("a.txt").id());

        // when nothing changes, then nothing is parsed or embedded
        int embeddedBeforeIdleRun = encoder.passages();
        SyncReport idle = sync.runNow(SyncTrigger.SCHEDULE);
        assertThat(List.of(idle.seen(), idle.added(), idle.updated(), idle.moved(), idle.removed(), idle.unchanged()))
                .containsExactly(4, 0, 0, 0, 0, 4);
        assertThat(encoder.passages()).isEqualTo(embeddedBeforeIdleRun);
    }

    @Test
    void extraSourcesAreIndexedThroughTheirGlobsWithoutFollowingLinksOutOfThem() throws IOException {
        // given a source folder with an included note, excluded and unmatched files, and links leading out of it
        write(notes, "plan.md", "# Greenhouse\n\nBuild the greenhouse in spring, facing south.");
        write(notes, "drafts/wip.md", "Unfinished thoughts about a pond.");
        write(notes, "photo.png", "not really a picture");
        Path outside = write(root, "outside/secret.md", "Secret recipe for plum jam.");
        Files.createSymbolicLink(notes.resolve("secret.md"), outside);
        Files.createSymbolicLink(notes.resolve("elsewhere"), outside.getParent());

        SyncReport report = sync.runNow(SyncTrigger.SCHEDULE);

        // then only the included note is indexed, under its source-qualified path
        assertThat(report.added()).isEqualTo(1);
        assertThat(byPath().keySet()).containsExactly("//notes/plan.md");
        assertThat(retriever.retrieve(RetrievalRequest.of("plum jam recipe")).chunks())
                .allSatisfy(chunk -> assertThat(chunk.document().paths()).containsExactly("//notes/plan.md"));

        // when the note is deleted through the service, then it is refused and the file stays
        String id = byPath().get("//notes/plan.md").id();
        assertThatThrownBy(() -> ingestion.delete(id)).isInstanceOf(DocumentInSourceException.class)
                .hasMessageContaining("//notes/plan.md");
        assertThat(notes.resolve("plan.md")).exists();
        assertThat(ingestion.find(id)).isPresent();

        // when the same bytes move from the source into the ingest folder, then it is a move, not a new embedding
        int embedded = encoder.passages();
        Files.move(notes.resolve("plan.md"), ingest.resolve("plan.md"));
        SyncReport moved = sync.runNow(SyncTrigger.SCHEDULE);
        assertThat(List.of(moved.added(), moved.moved(), moved.removed())).containsExactly(0, 1, 0);
        assertThat(byPath().keySet()).containsExactly("plan.md");
        assertThat(byPath().get("plan.md").id()).isEqualTo(id);
        assertThat(encoder.passages()).isEqualTo(embedded);
    }

    @Test
    void aFailingFileIsReportedWithItsReasonAndTriedAgainOnLaterRuns() throws IOException {
        // given a scan without text beside a good file
        write(ingest, "scan.pdf", Fixtures.imageOnlyPdf());
        write(ingest, "good.txt", "Geckos climb glass walls.");

        // when runs go by, then the bad file never stops a run, and is reported each time
        SyncReport first = sync.runNow(SyncTrigger.SCHEDULE);
        assertThat(first.added()).isEqualTo(1);
        assertThat(failures(first)).containsExactly(failure("scan.pdf", 1, false));
        // tried again on the next run
        assertThat(failures(sync.runNow(SyncTrigger.SCHEDULE))).containsExactly(failure("scan.pdf", 2, false));
        // then less often, but still reported
        assertThat(failures(sync.runNow(SyncTrigger.SCHEDULE))).containsExactly(failure("scan.pdf", 2, true));
        // a manual run tries it at once
        assertThat(failures(sync.runNow(SyncTrigger.MANUAL))).containsExactly(failure("scan.pdf", 3, false));

        // when the file is fixed, then the next run indexes it, backing off or not
        write(ingest, "scan.pdf", Fixtures.pdf("The scan now has text about kiwis."));
        SyncReport fixed = sync.runNow(SyncTrigger.SCHEDULE);
        assertThat(fixed.failed()).isEmpty();
        assertThat(fixed.added()).isEqualTo(1);
        assertThat(byPath().keySet()).containsExactlyInAnyOrder("scan.pdf", "good.txt");
    }

    @Test
    void aRunThatListedTheFoldersBeforeAnUploadLandedKeepsTheUpload() throws Exception {
        // given a run held while it embeds a file, after it has listed the folders
        write(ingest, "slow.txt", "Sloths move slowly through the canopy.");
        encoder.close();
        try {
            sync.trigger(SyncTrigger.MANUAL);
            assertThat(encoder.awaitHeld(30)).isTrue();

            // when an upload lands meanwhile
            String uploaded = upload("late.txt", "Lemurs leap between baobab trees.");
            encoder.open();
            SyncReport report = awaitIdle();

            // then the run did not take the upload for deleted
            assertThat(report.removed()).isZero();
            DocumentRecord record = ingestion.find(uploaded).orElseThrow();
            assertThat(ingest.resolve(record.paths().get(0))).exists();
            assertThat(byPath()).containsKeys("slow.txt", record.paths().get(0));
        } finally {
            encoder.open();
        }
    }

    @Test
    void runsConcurrentWithUploadsDeletesAndQueriesLeaveTheIndexEqualToTheFolders() throws Exception {
        // given a folder of files
        for (int i = 0; i < 12; i++) {
            write(ingest, "batch/f%02d.txt".formatted(i), "File %d is about walruses and item %d of the batch.".formatted(i, i * 7));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<String> uploads = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger queries = new AtomicInteger();
        try {
            // when a run, uploads, a delete, folder changes and queries all go on at once
            Future<SyncReport> run = pool.submit(() -> sync.runNow(SyncTrigger.MANUAL));
            Future<?> writers = pool.submit(() -> {
                try {
                    for (int i = 0; i < 6; i++) {
                        uploads.add(upload("up-%d.txt".formatted(i), "Upload %d tells of walruses on ice floe %d.".formatted(i, i * 13)));
                    }
                    ingestion.delete(uploads.remove(0));
                    Files.delete(ingest.resolve("batch/f03.txt"));
                    write(ingest, "batch/late.txt", "A late file about walruses arriving mid-run.");
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            Future<?> readers = pool.submit(() -> {
                while (!run.isDone() || !writers.isDone()) {
                    try {
                        assertThat(retriever.retrieve(RetrievalRequest.of("walruses")).chunks()).isNotNull();
                        ingestion.documents();
                        queries.incrementAndGet();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            run.get(120, TimeUnit.SECONDS);
            writers.get(120, TimeUnit.SECONDS);
            readers.get(120, TimeUnit.SECONDS);

            // then nothing failed, and every acknowledged upload is still there
            assertThat(errors).isEmpty();
            assertThat(queries.get()).isPositive();
            for (String id : uploads) {
                DocumentRecord record = ingestion.find(id).orElseThrow(() -> new AssertionError("upload " + id + " lost"));
                assertThat(ingest.resolve(record.paths().get(0))).exists();
            }

            // and after the next run the index is exactly the folder: no duplicates, no half documents
            sync.runNow(SyncTrigger.MANUAL);
            List<DocumentRecord> documents = ingestion.documents();
            List<String> indexedPaths = documents.stream().flatMap(document -> document.paths().stream()).toList();
            assertThat(indexedPaths).doesNotHaveDuplicates();
            assertThat(new HashSet<>(indexedPaths)).isEqualTo(filesIn(ingest));
            assertThat(documents.stream().map(DocumentRecord::id).toList()).doesNotHaveDuplicates();
            assertThat(ingestion.stats().chunks()).isEqualTo(documents.stream().mapToLong(DocumentRecord::chunks).sum());
            assertThat(filesIn(ingest)).contains("batch/late.txt").doesNotContain("batch/f03.txt").hasSize(12 + 5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUploadOfBytesKnownFromAFolderKeepsItsOwnCopySoDeletingTheFolderFileLosesNothing() throws IOException {
        Path dropped = write(notes, "handbook.md", "# Handbook\n\nThe fire assembly point is the north car park.");
        sync.runNow(SyncTrigger.MANUAL);

        IngestOutcome uploaded = ingestion.upload("my-handbook.md", Files.newInputStream(dropped));
        Files.delete(dropped);
        sync.runNow(SyncTrigger.MANUAL);

        assertThat(uploaded.change()).isEqualTo(Change.KNOWN);
        DocumentRecord kept = ingestion.find(uploaded.document().id()).orElseThrow();
        assertThat(kept.paths()).singleElement().satisfies(path -> assertThat(path).startsWith("uploads/"));
        assertThat(ingest.resolve(kept.paths().get(0))).isRegularFile();
        assertThat(ingestion.upload("again.md", new ByteArrayInputStream(Files.readAllBytes(ingest.resolve(kept.paths().get(0)))))
                .document().paths()).isEqualTo(kept.paths());
    }

    private static String failure(String file, int attempts, boolean deferred) {
        return file + " NO_TEXT attempts=" + attempts + " deferred=" + deferred;
    }

    private static List<String> failures(SyncReport report) {
        return report.failed().stream().map(f -> f.file() + " " + f.code() + " attempts=" + f.attempts()
                + " deferred=" + f.deferred()).toList();
    }

    private SyncReport awaitIdle() {
        await().atMost(Duration.ofSeconds(60)).until(() -> sync.status().state() == SyncStatus.State.IDLE);
        return sync.status().last();
    }

    private String upload(String name, String text) {
        return ingestion.upload(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).document().id();
    }

    private Map<String, DocumentRecord> byPath() {
        return ingestion.documents().stream().flatMap(document -> document.paths().stream()
                        .map(path -> Map.entry(path, document)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Set<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString())
                    .filter(path -> !path.startsWith("."))
                    .collect(Collectors.toSet());
        }
    }

    private static Path write(Path folder, String relative, String text) throws IOException {
        return write(folder, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path folder, String relative, byte[] bytes) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static void clear(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(folder)).toList()) {
                if (!folder.relativize(path).toString().startsWith(".staging")) {
                    Files.delete(path);
                }
            }
        }
    }
}
