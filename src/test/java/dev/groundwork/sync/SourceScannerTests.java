package dev.groundwork.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.sync.SyncSettings.Source;
import dev.groundwork.sync.SourceScanner.Scan;
import dev.groundwork.sync.SourceScanner.ScannedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceScannerTests {

    @TempDir
    Path dir;

    private final SourceScanner scanner = new SourceScanner();

    private Path write(String relative) throws IOException {
        Path file = dir.resolve("notes").resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "text of " + relative);
    }

    private List<String> recorded(Scan scan) {
        return scan.files().stream().map(ScannedFile::recordedPath).toList();
    }

    @Test
    void listsIncludedFilesAsSourcePathsAndLeavesOutExcludedAndHiddenOnes() throws IOException {
        write("plan.md");
        write("projects/roadmap.md");
        write("projects/budget.txt");
        write("drafts/idea.md");
        write("image.png");
        write(".obsidian/config.md");
        write("projects/.hidden.md");
        SourceFolder notes = SourceFolder.of(new Source("notes", dir.resolve("notes"),
                List.of("**/*.md", "**/*.txt"), List.of("drafts/**")));

        Scan scan = scanner.scan(notes);

        assertThat(scan.available()).isTrue();
        assertThat(recorded(scan)).containsExactly("//notes/plan.md", "//notes/projects/budget.txt",
                "//notes/projects/roadmap.md");
    }

    @Test
    void doesNotFollowSymbolicLinksOutOfTheSource() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "not for the index");
        write("plan.md");
        Files.createSymbolicLink(dir.resolve("notes/secret-link.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(dir.resolve("notes/outside-folder"), outside);

        Scan scan = scanner.scan(SourceFolder.of(new Source("notes", dir.resolve("notes"), null, null)));

        assertThat(recorded(scan)).containsExactly("//notes/plan.md");
    }

    @Test
    void aMissingSourceIsUnavailableAndMayHideEveryPath() {
        Scan scan = scanner.scan(SourceFolder.of(new Source("notes", dir.resolve("unmounted"), null, null)));

        assertThat(scan.available()).isFalse();
        assertThat(scan.problem()).contains("unmounted");
        assertThat(scan.mayHide("any/file.md")).isTrue();
    }

    @Test
    void theIngestFolderHasNoGlobsButSkipsHiddenFolders() throws IOException {
        write("uploads/abc/report.pdf");
        write(".staging/part");

        Scan scan = scanner.scan(SourceFolder.ingest(dir.resolve("notes")));

        assertThat(recorded(scan)).containsExactly("uploads/abc/report.pdf");
    }
}
