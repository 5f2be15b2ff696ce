package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.HostileFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each hostile file is refused with its own reason by the parser itself (no worker process here). */
class ParseLimitsTests {

    private final TikaDocumentParser parser = new TikaDocumentParser(new ParseLimits(2_000_000, 500, 3, 50, 100, 256, 20));

    @TempDir
    Path dir;

    private ParsedDocument parse(String name, byte[] bytes) throws IOException {
        return parser.parse(write(name, bytes), name);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private void assertRefused(String name, byte[] bytes, Reason reason) {
        assertThatThrownBy(() -> parse(name, bytes))
                .isInstanceOf(RejectedDocumentException.class)
                .extracting("reason").isEqualTo(reason);
    }

    @Test
    void aZipBombInsideADocxExpandsTooMuch() {
        assertRefused("bomb.docx", HostileFiles.zipBombDocx(50), Reason.EXPANDS_TOO_MUCH);
    }

    @Test
    void aZipBombAttachedToAnEmailExpandsTooMuch() {
        byte[] mail = HostileFiles.emailWithAttachment("Invoice", "invoice.zip", HostileFiles.zipBomb(200));

        assertRefused("invoice.eml", mail, Reason.EXPANDS_TOO_MUCH);
    }

    @Test
    void archivesNestedAHundredDeepAreTooDeep() {
        byte[] mail = HostileFiles.emailWithAttachment("Nested", "nested.zip", HostileFiles.nestedZip(100));

        assertRefused("nested.eml", mail, Reason.TOO_DEEP);
    }

    @Test
    void aBareArchiveThatIsABombOrNestsTooDeepIsRefusedWithItsLimit() {
        assertThatThrownBy(() -> parser.read(write("nested.zip", HostileFiles.nestedZip(100)), "nested.zip"))
                .isInstanceOf(RejectedDocumentException.class).extracting("reason").isEqualTo(Reason.TOO_DEEP);
        assertThatThrownBy(() -> parser.read(write("bomb.zip", HostileFiles.zipBomb(300)), "bomb.zip"))
                .isInstanceOf(RejectedDocumentException.class).extracting("reason").isEqualTo(Reason.EXPANDS_TOO_MUCH);
    }

    @Test
    void billionLaughsInAnOpenDocumentExpandsTooMuch() {
        assertRefused("laughs.odt", HostileFiles.billionLaughsOdt(), Reason.EXPANDS_TOO_MUCH);
    }

    @Test
    void billionLaughsInADocxIsMalformedBecauseOfficeXmlMayNotDeclareEntities() {
        assertRefused("laughs.docx", HostileFiles.billionLaughsDocx(), Reason.MALFORMED);
    }

    @Test
    void billionLaughsInXhtmlIsReadWithoutExpandingTheEntities() throws IOException {
        ParsedDocument parsed = parse("laughs.xhtml", HostileFiles.billionLaughsXhtml());

        String text = parsed.pages().get(0).text();
        assertThat(text.length()).isLessThan(2_000);
        assertThat(text).doesNotContain("lollollol");
    }

    @Test
    void billionLaughsAsPlainXmlExpandsTooMuch() {
        assertRefused("laughs.xml", HostileFiles.billionLaughsXml(), Reason.EXPANDS_TOO_MUCH);
    }

    @Test
    void truncatedAndBitFlippedFilesAreMalformed() {
        byte[] pdf = Fixtures.pdf("Quarterly figures, page one.", "Quarterly figures, page two.");
        byte[] docx = Fixtures.docx().paragraph("The minutes of the meeting.").bytes();

        assertRefused("cut.pdf", HostileFiles.truncated(pdf, 0.5), Reason.MALFORMED);
        assertRefused("cut.docx", HostileFiles.truncated(docx, 0.5), Reason.MALFORMED);
        assertRefused("flipped.docx", HostileFiles.bitFlipped(docx, 0, 40, 1), Reason.MALFORMED);
        assertRefused("flipped.pdf", HostileFiles.bitFlipped(pdf, 9, 40, 1), Reason.MALFORMED);
    }

    @Test
    void randomDamageNeverEscapesAsAnythingButARefusalOrAParse() {
        byte[] pdf = Fixtures.pdf("Quarterly figures, page one.", "Quarterly figures, page two.");
        byte[] docx = Fixtures.docx().paragraph("The minutes of the meeting.").bytes();
        for (long seed = 1; seed <= 20; seed++) {
            for (byte[] damaged : new byte[][] {HostileFiles.bitFlipped(pdf, 0, 8, seed), HostileFiles.bitFlipped(docx, 0, 8, seed)}) {
                try {
                    ParsedDocument parsed = parse("damaged-" + seed, damaged);
                    assertThat(parsed.hasText()).isTrue();
                } catch (RejectedDocumentException e) {
                    assertThat(e.reason()).isIn(Reason.MALFORMED, Reason.NO_TEXT, Reason.UNSUPPORTED_TYPE, Reason.ENCRYPTED);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void aPdfWithThousandsOfPagesHasTooManyPages() {
        assertRefused("endless.pdf", HostileFiles.manyPagePdf(3000), Reason.TOO_MANY_PAGES);
    }

    @Test
    void aPdfWithAPasswordIsEncrypted() {
        assertRefused("secret.pdf", HostileFiles.encryptedPdf(), Reason.ENCRYPTED);
    }

    @Test
    void anExtensionThatLiesIsOverruledByTheBytes() throws IOException {
        assertRefused("report.pdf", HostileFiles.elfExecutable(), Reason.UNSUPPORTED_TYPE);
        assertRefused("notes.txt", HostileFiles.elfExecutable(), Reason.UNSUPPORTED_TYPE);
        assertRefused("photo.docx", Fixtures.png(), Reason.UNSUPPORTED_TYPE);
        assertThat(parse("letter.txt", Fixtures.pdf("A PDF under a text name.")).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void htmlNestedAHundredThousandDeepIsTooDeep() {
        assertRefused("deep.html", HostileFiles.deeplyNestedHtml(100_000), Reason.TOO_DEEP);
    }

    @Test
    void sloppyButShallowHtmlIsNotTooDeep() throws IOException {
        String html = "<html><body><ul>" + "<li>an item without its end tag".repeat(600) + "</ul>"
                + "<p>a paragraph without its end tag".repeat(600)
                + "<!-- " + "<div>".repeat(1000) + " -->"
                + "<script>var s = '" + "<div>".repeat(1000) + "';</script>"
                + "<div title=\"a > b\"><br><img src=x><hr/><span>inline</span></div>"
                + "<p>The zymurgy section.</p></body></html>";

        ParsedDocument parsed = parse("sloppy.html", Fixtures.utf8(html));

        assertThat(parsed.pages().get(0).text()).contains("The zymurgy section.");
    }

    @Test
    void moreTextThanTheLimitExpandsTooMuch() {
        String paragraph = "Plenty of words in this paragraph, over and over again.\n\n";
        assertRefused("long.txt", Fixtures.utf8(paragraph.repeat(40_000)), Reason.EXPANDS_TOO_MUCH);
        assertRefused("long.html", Fixtures.utf8("<html><body>" + ("<p>" + paragraph + "</p>").repeat(40_000) + "</body></html>"),
                Reason.EXPANDS_TOO_MUCH);
    }

    @Test
    void ordinaryDocumentsStayWellWithinTheLimits() throws IOException {
        assertThat(parse("report.pdf", Fixtures.pdf("Page one.", "Page two.")).pageCount()).isEqualTo(2);
        assertThat(parse("lunch.eml", Fixtures.eml("a@example.org", "b@example.org", "Lunch", "At noon.")).hasText()).isTrue();
        assertThat(parse("page.html", Fixtures.utf8("<html><body><div><div><p>Nested a little.</p></div></div></body></html>"))
                .pages().get(0).text()).isEqualTo("Nested a little.");
    }
}
