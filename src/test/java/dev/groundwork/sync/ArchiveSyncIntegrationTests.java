package dev.groundwork.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.Retriever;
import dev.groundwork.support.Containers;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.ObservedEncoder;
import dev.groundwork.support.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** An archive in a source folder is read as its members, and kept in line with its file by every sync. */
// OCR off: a PNG here stands for a type that is not read (OcrIntegrationTests reads images)
@SpringBootTest(properties = {"groundwork.sync.cron=-", "groundwork.sync.on-startup=false", "groundwork.parse.ocr=off"})
@Import(ObservedEncoder.Config.class)
@DirtiesContext
class ArchiveSyncIntegrationTests {

    static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
        registry.add("groundwork.sync.sources[0].name", () -> "shared");
        registry.add("groundwork.sync.sources[0].dir", () -> root.resolve("shared").toString());
    }

    @Autowired
    FolderSync sync;

    @Autowired
    IngestionService ingestion;

    @Autowired
    ObservedEncoder encoder;

    @Autowired
    Retriever retriever;

    Path shared;

    @BeforeEach
    void emptyFoldersAndIndex() throws IOException {
        shared = root.resolve("shared");
        for (Path dir : List.of(root.resolve("ingest"), shared)) {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!file.equals(dir) && !file.getFileName().toString().startsWith(".")) {
                        Files.delete(file);
                    }
                }
            }
        }
        sync.runNow(SyncTrigger.MANUAL);
        assertThat(ingestion.documents()).isEmpty();
    }

    private static byte[] text(String words) {
        return Fixtures.utf8(words);
    }

    /** The documents by each of their paths. */
    private Map<String, DocumentRecord> byPath() {
        return ingestion.documents().stream().flatMap(document -> document.paths().stream()
                .map(path -> Map.entry(path, document))).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Optional<String> bestFileName(String question) {
        return retriever.retrieve(RetrievalRequest.of(question)).chunks().stream().findFirst()
                .map(chunk -> chunk.document().fileName());
    }

    @Test
    void anArchiveInASourceFolderIsIndexedAsItsMembersCitedByTheirPaths() throws IOException {
        Files.write(shared.resolve("docs.zip"), Containers.zip(Containers.entries(
                "reports/q3.pdf", Fixtures.pdf("A summary.", "The ferry timetable changes on the first of March."),
                "notes.txt", text("The lighthouse lamp is checked every Sunday at noon."))));

        SyncReport report = sync.runNow(SyncTrigger.MANUAL);

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.failedCount()).isZero();
        Map<String, DocumentRecord> byPath = byPath();
        assertThat(byPath).containsKeys("//shared/docs.zip", "//shared/docs.zip//reports/q3.pdf",
                "//shared/docs.zip//notes.txt");
        assertThat(byPath.get("//shared/docs.zip//reports/q3.pdf").fileName()).isEqualTo("docs.zip/reports/q3.pdf");
        assertThat(bestFileName("when does the ferry timetable change")).contains("docs.zip/reports/q3.pdf");
    }

    @Test
    void aChangedArchiveReplacesOnlyTheMembersThatChanged() throws IOException {
        Path zip = shared.resolve("crew.zip");
        Files.write(zip, Containers.zip(Containers.entries(
                "same.txt", text("Anneli steers the pilot boat on weekdays."),
                "changed.txt", text("The old radio works on channel sixteen."),
                "removed.txt", text("The tarred rope store is behind the boathouse."))));
        sync.runNow(SyncTrigger.MANUAL);
        Map<String, DocumentRecord> before = byPath();
        int embedded = encoder.passages();

        Files.write(zip, Containers.zip(Containers.entries(
                "same.txt", text("Anneli steers the pilot boat on weekdays."),
                "changed.txt", text("The new radio works on channel twelve since the refit."),
                "added.txt", text("Spare life jackets hang in the net loft."))));
        SyncReport report = sync.runNow(SyncTrigger.MANUAL);

        Map<String, DocumentRecord> after = byPath();
        assertThat(report.updated()).isEqualTo(1);
        // the unchanged member is the same document, neither parsed into new passages nor embedded again
        assertThat(after.get("//shared/crew.zip//same.txt").id()).isEqualTo(before.get("//shared/crew.zip//same.txt").id());
        assertThat(after.get("//shared/crew.zip//same.txt").addedAt())
                .isEqualTo(before.get("//shared/crew.zip//same.txt").addedAt());
        assertThat(encoder.passages() - embedded).isEqualTo(2); // the changed member's passage and the new one's
        assertThat(after.get("//shared/crew.zip//changed.txt").id())
                .isNotEqualTo(before.get("//shared/crew.zip//changed.txt").id());
        assertThat(ingestion.find(before.get("//shared/crew.zip//changed.txt").id())).isEmpty();
        assertThat(after).doesNotContainKey("//shared/crew.zip//removed.txt").containsKey("//shared/crew.zip//added.txt");
        assertThat(ingestion.find(before.get("//shared/crew.zip//removed.txt").id())).isEmpty();
        assertThat(bestFileName("which channel does the radio work on")).contains("crew.zip/changed.txt");
    }

    @Test
    void anArchiveThatGoesTakesItsMembersAndOneThatMovesKeepsThem() throws IOException {
        Files.write(shared.resolve("a.zip"), Containers.zip(Containers.entries(
                "kept.txt", text("The fog bell rings twice a minute in thick weather."))));
        Files.write(shared.resolve("b.zip"), Containers.zip(Containers.entries(
                "gone.txt", text("Herring gulls steal chips from the quay."))));
        sync.runNow(SyncTrigger.MANUAL);
        String kept = byPath().get("//shared/a.zip//kept.txt").id();
        String gone = byPath().get("//shared/b.zip//gone.txt").id();
        int embedded = encoder.passages();

        Files.createDirectories(shared.resolve("old"));
        Files.move(shared.resolve("a.zip"), shared.resolve("old/a.zip"));
        Files.delete(shared.resolve("b.zip"));
        SyncReport report = sync.runNow(SyncTrigger.MANUAL);

        assertThat(report.moved()).isEqualTo(1);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(encoder.passages()).isEqualTo(embedded);
        assertThat(ingestion.find(kept).orElseThrow().paths()).containsExactly("//shared/old/a.zip//kept.txt");
        assertThat(ingestion.find(kept).orElseThrow().fileName()).isEqualTo("a.zip/kept.txt");
        assertThat(ingestion.find(gone)).isEmpty();
        assertThat(ingestion.documents()).hasSize(2);
    }

    @Test
    void theSameMemberInTwoArchivesIsOneDocumentUntilBothAreGone() throws IOException {
        byte[] tides = text("High water at the bar is an hour after the harbour.");
        Files.write(shared.resolve("one.zip"), Containers.zip(Containers.entries("tides.txt", tides)));
        Files.write(shared.resolve("two.zip"), Containers.zip(Containers.entries("copy/tides.txt", tides,
                "other.txt", text("The slipway winch needs grease every month."))));
        sync.runNow(SyncTrigger.MANUAL);
        DocumentRecord member = byPath().get("//shared/one.zip//tides.txt");
        assertThat(member.paths()).containsExactlyInAnyOrder("//shared/one.zip//tides.txt", "//shared/two.zip//copy/tides.txt");

        Files.delete(shared.resolve("one.zip"));
        sync.runNow(SyncTrigger.MANUAL);
        assertThat(ingestion.find(member.id()).orElseThrow().paths()).containsExactly("//shared/two.zip//copy/tides.txt");

        Files.delete(shared.resolve("two.zip"));
        sync.runNow(SyncTrigger.MANUAL);
        assertThat(ingestion.documents()).isEmpty();
    }

    @Test
    void aMemberThatCannotBeReadIsListedWithItsReasonUnderItsArchive() throws IOException {
        Files.write(shared.resolve("mixed.zip"), Containers.zip(Containers.entries(
                "fine.txt", text("The harbour office opens at seven."), "photo.png", Fixtures.png())));

        SyncReport report = sync.runNow(SyncTrigger.MANUAL);

        assertThat(report.added()).isEqualTo(1);
        assertThat(report.failed()).extracting(SyncReport.FailedFile::file, SyncReport.FailedFile::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("//shared/mixed.zip//photo.png", "UNSUPPORTED_TYPE"));
    }

    @Test
    void anArchiveWithNothingReadableFailsAsAFile() throws IOException {
        Files.write(shared.resolve("photos.zip"), Containers.zip(Containers.entries("a.png", Fixtures.png())));

        SyncReport report = sync.runNow(SyncTrigger.MANUAL);

        assertThat(report.failed()).extracting(SyncReport.FailedFile::file, SyncReport.FailedFile::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("//shared/photos.zip", "NO_READABLE_MEMBERS"));
        assertThat(ingestion.documents()).isEmpty();
    }
}
