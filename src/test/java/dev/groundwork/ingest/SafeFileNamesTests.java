package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.Bounded;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whatever name a client sends, the stored name is one plain file name of bounded length. */
class SafeFileNamesTests {

    private static void assertPlain(String stored) {
        assertThat(stored).isNotBlank().doesNotContain("/", "\\", "\u0000").hasSizeLessThanOrEqualTo(SafeFileNames.MAX_LENGTH);
        assertThat(stored).doesNotStartWith(".").doesNotEndWith(".").doesNotEndWith(" ");
        assertThat(Path.of("uploads", "id").resolve(stored).normalize()).startsWithRaw(Path.of("uploads", "id"));
        assertThat(stored.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp));
    }

    @Test
    void pathTraversalKeepsOnlyTheLastName() {
        assertThat(SafeFileNames.of("../../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileNames.of("..\\..\\windows\\system32\\evil.dll")).isEqualTo("evil.dll");
        assertThat(SafeFileNames.of("/absolute/path/report.pdf")).isEqualTo("report.pdf");
        assertThat(SafeFileNames.of("report.pdf/..")).isEqualTo("document");
        assertPlain(SafeFileNames.of("a/../../b.txt"));
    }

    @Test
    void nothingLeftOrOnlyDotsBecomesAPlainName() {
        assertThat(SafeFileNames.of(null)).isEqualTo("document");
        assertThat(SafeFileNames.of("")).isEqualTo("document");
        assertThat(SafeFileNames.of("...")).isEqualTo("document");
        assertThat(SafeFileNames.of("..")).isEqualTo("document");
        assertThat(SafeFileNames.of(" . ")).isEqualTo("document");
    }

    @Test
    void controlCharactersAndNulAreDropped() {
        assertThat(SafeFileNames.of("re\u0000port.pdf")).isEqualTo("report.pdf");
        assertThat(SafeFileNames.of("line\nbreak\r.txt")).isEqualTo("linebreak.txt");
        assertPlain(SafeFileNames.of("\u0000\u0001\u0002"));
    }

    @Test
    void bidirectionalMarksCannotDisguiseAnExtension() {
        // "invoice<RLO>fdp.exe" shows as "invoiceexe.pdf"; without the mark it reads as what it is
        assertThat(SafeFileNames.of("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(SafeFileNames.of("\u200Fname\u200E\u2066.txt\u2069")).isEqualTo("name.txt");
    }

    @Test
    void namesWindowsReservesAreMadeHarmless() {
        assertThat(SafeFileNames.of("CON")).isEqualTo("_CON");
        assertThat(SafeFileNames.of("con.txt")).isEqualTo("_con.txt");
        assertThat(SafeFileNames.of("LPT1.pdf")).isEqualTo("_LPT1.pdf");
        assertThat(SafeFileNames.of("console.txt")).isEqualTo("console.txt");
        assertThat(SafeFileNames.of("trailing dots...")).isEqualTo("trailing dots");
        assertThat(SafeFileNames.of("what?<>:|\"*.txt")).isEqualTo("what_.txt");
    }

    @Test
    void veryLongNamesAreShortenedKeepingTheExtension() {
        String stored = SafeFileNames.of("x".repeat(5000) + ".pdf");

        assertThat(stored).hasSize(SafeFileNames.MAX_LENGTH).endsWith(".pdf");
        assertPlain(stored);
    }

    @Test
    void longNamesInOtherScriptsAreNotCutInsideACharacter() {
        String stored = SafeFileNames.of("\uD83D\uDCC4".repeat(200) + ".txt");

        assertPlain(stored);
        assertThat(stored).endsWith(".txt");
        assertThat(Character.isHighSurrogate(stored.charAt(stored.length() - 5))).isFalse();
    }

    @Test
    void ordinaryNamesStayAsTheyWere() {
        assertThat(SafeFileNames.of("Quarterly report (final) 2026.pdf")).isEqualTo("Quarterly report (final) 2026.pdf");
        assertThat(SafeFileNames.of("Übersicht – März.docx")).isEqualTo("Übersicht – März.docx".replace("–", "_"));
        assertThat(SafeFileNames.of("日本語の文書.txt")).isEqualTo("日本語の文書.txt");
    }

    @Test
    void aNameWithALongRunOfDotsAndSpacesIsCleanedInLinearTime() {
        String name = "report" + " .".repeat(100_000) + "x.pdf";

        String stored = Bounded.within(Duration.ofSeconds(30), () -> SafeFileNames.of(name));

        assertPlain(stored);
        assertThat(stored).startsWith("report").endsWith(".pdf");
    }
}
