package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Containers;
import dev.groundwork.support.Containers.Message;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.HostileFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives and mailboxes read as the documents they hold, by the parser itself (no worker process here). */
class ContainerReaderTests {

    private static final byte[] REPORT = Fixtures.pdf("The first page is a summary.",
            "The harbour dues rose by nine percent in the third quarter.");
    private static final byte[] HANDBOOK = Fixtures.docx().title("Crew Handbook").heading(1, "Watches")
            .paragraph("The night watch changes at four bells.").bytes();

    private final TikaDocumentParser parser =
            new TikaDocumentParser(new ParseLimits(2_000_000, 500, 3, 50, 100, 256, 20, 10 << 20));

    @TempDir
    Path dir;

    private ParsedContainer read(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        ParsedFile read = parser.read(file, name);
        assertThat(read).isInstanceOf(ParsedContainer.class);
        return (ParsedContainer) read;
    }

    private static ContainerMember.Read member(ParsedContainer container, String name) {
        return container.read().stream().filter(member -> member.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not a member read: " + container.members()));
    }

    private static String text(ParsedDocument document) {
        return document.pages().stream().map(ParsedPage::text).collect(Collectors.joining("\n"));
    }

    @Test
    void aZipOfAPdfAndADocxIsTwoDocumentsNamedByTheirPaths() throws IOException {
        ParsedContainer zip = read("docs.zip", Containers.zip(Containers.entries(
                "reports/q3.pdf", REPORT, "handbook.docx", HANDBOOK)));

        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.members()).extracting(ContainerMember::name).containsExactly("reports/q3.pdf", "handbook.docx");
        ParsedDocument report = member(zip, "reports/q3.pdf").document();
        assertThat(report.pageCount()).isEqualTo(2);
        assertThat(report.pages().get(1).text()).contains("harbour dues rose by nine percent");
        assertThat(member(zip, "handbook.docx").document().title()).isEqualTo("Crew Handbook");
        assertThat(zip.damage()).isNull();
    }

    @Test
    void aMemberIsTheSameDocumentAsTheSameFileSentAlone() throws IOException {
        ParsedContainer zip = read("docs.zip", Containers.zip(Containers.entries("q3.pdf", REPORT)));
        Path alone = dir.resolve("q3.pdf");
        Files.write(alone, REPORT);

        ContainerMember.Read member = member(zip, "q3.pdf");

        assertThat(member.facts()).isEqualTo(FileFacts.of(alone));
        assertThat(member.document()).isEqualTo(parser.parse(alone, "q3.pdf"));
    }

    @Test
    void aTarGzAddsNoLevelForItsCompression() throws IOException {
        ParsedContainer tar = read("backup.tar.gz", Containers.tarGz(Containers.entries(
                "backup/reports/q3.pdf", REPORT, "backup/handbook.docx", HANDBOOK)));

        assertThat(tar.members()).extracting(ContainerMember::name)
                .containsExactly("backup/reports/q3.pdf", "backup/handbook.docx");
        assertThat(text(member(tar, "backup/handbook.docx").document())).contains("night watch changes at four bells");
    }

    @Test
    void aZipInAZipIsReadWithItsMembersNamedUnderIt() throws IOException {
        byte[] inner = Containers.zip(Containers.entries("minutes/june.pdf", REPORT));
        ParsedContainer outer = read("all.zip", Containers.zip(Containers.entries(
                "handbook.docx", HANDBOOK, "old/2025.zip", inner)));

        assertThat(outer.members()).extracting(ContainerMember::name)
                .containsExactly("handbook.docx", "old/2025.zip/minutes/june.pdf");
    }

    @Test
    void namesThatClimbOutOfTheArchiveAreKeptInside() throws IOException {
        ParsedContainer zip = read("sneaky.zip", Containers.zip(Containers.entries(
                "../../x.pdf", REPORT, "/etc/passwd.txt", Fixtures.utf8("Not a password file."),
                "a/./b/../c.txt", Fixtures.utf8("Dots are dropped."), "..\\..\\win.txt", Fixtures.utf8("Backslashes too."))));

        assertThat(zip.members()).extracting(ContainerMember::name)
                .containsExactly("x.pdf", "etc/passwd.txt", "a/b/c.txt", "win.txt");
    }

    @Test
    void hiddenEntriesAreNoMembersAndTheSameNameTwiceGetsANumber() throws IOException {
        ParsedContainer zip = read("mac.zip", Containers.zip(Containers.entries(
                "notes.txt", Fixtures.utf8("First notes."), "__MACOSX/._notes.txt", new byte[] {0, 5, 22, 7},
                ".DS_Store", new byte[] {0, 0, 0, 1}, "./notes.txt", Fixtures.utf8("Second notes."))));

        assertThat(zip.members()).extracting(ContainerMember::name).containsExactly("notes.txt", "notes (2).txt");
    }

    @Test
    void aMemberThatFailsDoesNotFailTheOthers() throws IOException {
        byte[] broken = Arrays.copyOf(REPORT, REPORT.length / 3);
        ParsedContainer zip = read("mixed.zip", Containers.zip(Containers.entries(
                "good.pdf", REPORT, "broken.pdf", broken, "photo.png", Fixtures.png(), "handbook.docx", HANDBOOK,
                "locked.pdf", HostileFiles.encryptedPdf())));

        assertThat(zip.read()).extracting(ContainerMember::name).containsExactly("good.pdf", "handbook.docx");
        Map<String, Reason> refused = zip.members().stream().filter(ContainerMember.Refused.class::isInstance)
                .map(ContainerMember.Refused.class::cast)
                .collect(Collectors.toMap(ContainerMember::name, member -> member.refusal().reason()));
        assertThat(refused).containsOnlyKeys("broken.pdf", "photo.png", "locked.pdf");
        assertThat(refused.get("broken.pdf")).isIn(Reason.MALFORMED, Reason.NO_TEXT);
        assertThat(refused.get("photo.png")).isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(refused.get("locked.pdf")).isEqualTo(Reason.ENCRYPTED);
    }

    @Test
    void anArchiveCutShortKeepsTheMembersBeforeTheDamage() throws IOException {
        byte[] tar = Containers.tarGz(Containers.entries("one.txt", Fixtures.utf8("The first file is whole."),
                "two.pdf", REPORT, "three.docx", HANDBOOK));
        // the gzip stream ends in the middle of the second entry's bytes
        ParsedContainer cut = read("cut.tar.gz", Arrays.copyOf(tar, tar.length / 2));

        assertThat(cut.read()).extracting(ContainerMember::name).contains("one.txt").doesNotContain("three.docx");
        assertThat(cut.damage()).isNotNull();
        assertThat(cut.damage().reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void anMboxIsOneDocumentPerMessageWithItsHeaders() throws IOException {
        ParsedContainer mbox = read("harbour.mbox", Containers.mbox(List.of(
                new Message("ana@example.org", "crew@example.org", "Mon, 5 Jan 2026 09:00:00 +0000", "Night watch",
                        "The night watch starts at eight from Monday."),
                new Message("bo@example.org", "ana@example.org", "Tue, 6 Jan 2026 10:30:00 +0000", "Re: Night watch",
                        "Then the ferry leaves at nine instead."),
                new Message("cy@example.org", "crew@example.org", "Wed, 7 Jan 2026 16:45:00 +0000", "Harbour dues",
                        "The harbour dues are paid on the first of the month."))));

        assertThat(mbox.members()).extracting(ContainerMember::name).containsExactly("0001.eml", "0002.eml", "0003.eml");
        ParsedDocument second = member(mbox, "0002.eml").document();
        assertThat(second.title()).isEqualTo("Re: Night watch");
        assertThat(text(second)).contains("From: bo@example.org").contains("To: ana@example.org")
                .contains("Subject: Re: Night watch").contains("Date: 2026-01-06")
                .contains("Then the ferry leaves at nine instead.").doesNotContain("night watch starts at eight");
    }

    @Test
    void aZipBombIsRefusedAsAWhole() {
        assertThatThrownBy(() -> read("bomb.zip", HostileFiles.zipBomb(200)))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXPANDS_TOO_MUCH));
    }

    @Test
    void archivesNestedDeeperThanTheLimitAreRefusedAsAWhole() {
        assertThatThrownBy(() -> read("nested.zip", HostileFiles.nestedZip(100)))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP));
    }

    @Test
    void moreMembersThanTheLimitAreRefusedAsAWhole() {
        Object[] many = new Object[2 * 60];
        for (int i = 0; i < 60; i++) {
            many[2 * i] = "file-" + i + ".txt";
            many[2 * i + 1] = Fixtures.utf8("File number " + i + ".");
        }

        assertThatThrownBy(() -> read("many.zip", Containers.zip(Containers.entries(many))))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.EXPANDS_TOO_MUCH));
    }

    @Test
    void textFarBeyondTheArchivesSizeIsRefusedAsABomb() {
        // a million characters of one word in a few kilobytes, in two members: each alone passes Tika's own guard
        byte[] blah = Fixtures.utf8("blah ".repeat(300_000));
        byte[] zip = Containers.zip(Containers.entries("a.txt", blah, "b.txt", blah, "c.txt", blah, "d.txt", blah));

        assertThatThrownBy(() -> read("blah.zip", zip)).isInstanceOfSatisfying(RejectedDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.EXPANDS_TOO_MUCH));
    }

    @Test
    void aContainerIsNotADocument() throws IOException {
        Path zip = dir.resolve("docs.zip");
        Files.write(zip, Containers.zip(Containers.entries("q3.pdf", REPORT)));

        assertThatThrownBy(() -> parser.parse(zip, "docs.zip")).isInstanceOfSatisfying(RejectedDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
    }
}
