package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNamesTests {

    @Test
    void keepsOrdinaryNames() {
        assertThat(SafeFileNames.of("Annual report 2025 (final).pdf")).isEqualTo("Annual report 2025 (final).pdf");
        assertThat(SafeFileNames.of("Übersicht_März.docx")).isEqualTo("Übersicht_März.docx");
    }

    @Test
    void dropsFoldersAndTraversal() {
        assertThat(SafeFileNames.of("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileNames.of("C:\\Users\\ada\\secret.txt")).isEqualTo("secret.txt");
        assertThat(SafeFileNames.of("..")).isEqualTo("document");
    }

    @Test
    void dropsControlFormatAndBidiCharacters() {
        assertThat(SafeFileNames.of("evil\u0000name.txt")).isEqualTo("evilname.txt");
        assertThat(SafeFileNames.of("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(SafeFileNames.of("a\u200Bb.md")).isEqualTo("ab.md");
    }

    @Test
    void avoidsReservedAndEmptyNames() {
        assertThat(SafeFileNames.of("CON.txt")).isEqualTo("_CON.txt");
        assertThat(SafeFileNames.of("nul")).isEqualTo("_nul");
        assertThat(SafeFileNames.of(null)).isEqualTo("document");
        assertThat(SafeFileNames.of("   ")).isEqualTo("document");
        assertThat(SafeFileNames.of("...hidden")).isEqualTo("hidden");
    }

    @Test
    void shortensLongNamesKeepingTheExtension() {
        String name = SafeFileNames.of("x".repeat(500) + ".pdf");

        assertThat(name).hasSize(SafeFileNames.MAX_LENGTH).endsWith(".pdf");
    }

    @Test
    void replacesCharactersFileSystemsReserve() {
        assertThat(SafeFileNames.of("what?*<>|\".txt")).isEqualTo("what_.txt");
    }
}
