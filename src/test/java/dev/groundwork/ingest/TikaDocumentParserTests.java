package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.ParsedDocument.TextBlock;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaDocumentParserTests {

    private final TikaDocumentParser parser = new TikaDocumentParser(ParseLimits.defaults(1_000_000));

    @TempDir
    Path dir;

    private ParsedDocument parse(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return parser.parse(file, name);
    }

    private static String blockText(ParsedPage page, TextBlock block) {
        return page.text().substring(block.start(), block.end());
    }

    @Test
    void pdfPagesAreNumberedAndHoldTheirOwnText() throws IOException {
        ParsedDocument parsed = parse("report.pdf", Fixtures.pdf(
                "The first page talks about apples.", "The second page talks about pears.", "The third page is about plums."));

        assertThat(parsed.contentType()).isEqualTo("application/pdf");
        assertThat(parsed.paged()).isTrue();
        assertThat(parsed.pageCount()).isEqualTo(3);
        assertThat(parsed.pages()).extracting(ParsedPage::number).containsExactly(1, 2, 3);
        assertThat(parsed.pages().get(1).text()).contains("second page talks about pears").doesNotContain("apples");
        assertThat(parsed.title()).isEqualTo("report.pdf");
    }

    @Test
    void docxHeadingsBecomeTheHeadingPathAndTheTitleComesFromMetadata() throws IOException {
        byte[] docx = Fixtures.docx().title("Operations Handbook")
                .heading(1, "Backups")
                .paragraph("Backups run every night at two.")
                .heading(2, "Restoring")
                .paragraph("A restore takes about ten minutes.")
                .bytes();

        ParsedDocument parsed = parse("handbook.docx", docx);

        assertThat(parsed.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(parsed.title()).isEqualTo("Operations Handbook");
        assertThat(parsed.paged()).isFalse();
        ParsedPage page = parsed.pages().get(0);
        TextBlock restore = page.blocks().stream()
                .filter(block -> blockText(page, block).startsWith("A restore")).findFirst().orElseThrow();
        assertThat(restore.headingPath()).containsExactly("Backups", "Restoring");
    }

    @Test
    void titleFallsBackToTheFirstHeadingThenTheFileName() throws IOException {
        ParsedDocument withHeading = parse("notes.md", Fixtures.utf8("# Release notes\n\nVersion two is out.\n"));
        ParsedDocument plain = parse("notes.txt", Fixtures.utf8("Just some words without a heading.\n"));

        assertThat(withHeading.title()).isEqualTo("Release notes");
        assertThat(plain.title()).isEqualTo("notes.txt");
    }

    @Test
    void markdownHeadingsParagraphsAndListsKeepTheirStructure() throws IOException {
        String markdown = """
                # Guide

                Groundwork answers questions
                from your own documents.

                ## Install

                - download the jar
                - run it

                Setext heading
                --------------

                Text under it.
                """;

        ParsedDocument parsed = parse("guide.md", Fixtures.utf8(markdown));

        assertThat(parsed.contentType()).isEqualTo("text/markdown");
        ParsedPage page = parsed.pages().get(0);
        assertThat(page.blocks()).extracting(block -> blockText(page, block)).containsExactly(
                "Guide", "Groundwork answers questions from your own documents.", "Install",
                "- download the jar\n- run it", "Setext heading", "Text under it.");
        assertThat(page.blocks().get(3).headingPath()).containsExactly("Guide", "Install");
        assertThat(page.blocks().get(5).headingPath()).containsExactly("Guide", "Setext heading");
    }

    @Test
    void htmlKeepsTitleHeadingsAndTableRowsButNoScripts() throws IOException {
        String html = """
                <html><head><title>Price list</title><script>alert('x')</script><style>p{}</style></head>
                <body><h1>Prices</h1><p>All prices include tax.</p>
                <table><tr><th>Item</th><th>Price</th></tr><tr><td>Tea</td><td>3 EUR</td></tr></table>
                </body></html>
                """;

        ParsedDocument parsed = parse("prices.html", Fixtures.utf8(html));

        assertThat(parsed.contentType()).isEqualTo("text/html");
        assertThat(parsed.title()).isEqualTo("Price list");
        String text = parsed.pages().get(0).text();
        assertThat(text).contains("All prices include tax.").contains("Item | Price\nTea | 3 EUR")
                .doesNotContain("alert").doesNotContain("p{}");
    }

    @Test
    void spreadsheetsKeepSheetNamesAndCells() throws IOException {
        byte[] xlsx = Fixtures.xlsx(Map.of("Staff", List.of(List.of("Name", "Role"), List.of("Ada", "Engineer"))));

        ParsedDocument parsed = parse("staff.xlsx", xlsx);

        String all = parsed.pages().stream().map(ParsedPage::text).reduce("", String::concat);
        assertThat(all).contains("Staff").contains("Ada | Engineer");
    }

    @Test
    void slidesAreNumberedLikePages() throws IOException {
        ParsedDocument parsed = parse("deck.pptx", Fixtures.pptx("Welcome to the deck", "Quarterly revenue grew", "Questions"));

        assertThat(parsed.paged()).isTrue();
        assertThat(parsed.pages()).hasSize(3);
        assertThat(parsed.pages().get(1).text()).contains("Quarterly revenue grew");
    }

    @Test
    void emailsKeepSenderAndSubject() throws IOException {
        byte[] eml = Fixtures.eml("Ada <ada@example.org>", "Bob <bob@example.org>", "Lunch on Friday",
                "Shall we meet at noon?\n\nThe usual place.");

        ParsedDocument parsed = parse("lunch.eml", eml);

        assertThat(parsed.contentType()).isEqualTo("message/rfc822");
        assertThat(parsed.title()).isEqualTo("Lunch on Friday");
        String text = parsed.pages().get(0).text();
        assertThat(text).contains("From: Ada").contains("Subject: Lunch on Friday").contains("Shall we meet at noon?");
    }

    @Test
    void anAttachmentIsReadUnderItsNameWithoutAddingPages() throws IOException {
        String pdf = java.util.Base64.getMimeEncoder().encodeToString(Fixtures.pdf("Attached page one.", "Attached page two."));
        String message = "From: ada@example.org\r\nTo: bob@example.org\r\nSubject: The report\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain\r\n\r\nThe report is attached.\r\n"
                + "--b1\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + pdf + "\r\n--b1--\r\n";

        ParsedDocument parsed = parse("mail.eml", Fixtures.utf8(message));

        assertThat(parsed.paged()).isFalse();
        ParsedPage page = parsed.pages().get(0);
        assertThat(page.text()).contains("The report is attached.").contains("Attached page two.");
        TextBlock attached = page.blocks().stream()
                .filter(block -> blockText(page, block).contains("Attached page two")).findFirst().orElseThrow();
        assertThat(attached.headingPath()).containsExactly("report.pdf");
    }

    @Test
    void typeComesFromTheBytesNotTheName() throws IOException {
        ParsedDocument parsed = parse("actually-a-pdf.txt", Fixtures.pdf("Hidden PDF content."));

        assertThat(parsed.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void refusesImagesEmptyFilesAndBinariesNamedLikeText() {
        assertThatThrownBy(() -> parse("picture.png", Fixtures.png()))
                .isInstanceOf(RejectedDocumentException.class)
                .extracting("reason").isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThatThrownBy(() -> parse("empty.txt", new byte[0]))
                .extracting("reason").isEqualTo(Reason.UNSUPPORTED_TYPE);
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31 % 7 == 0 ? 0 : i);
        }
        assertThatThrownBy(() -> parse("lies.txt", binary))
                .extracting("reason").isEqualTo(Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void singleByteTextIsTextAndControlCharactersWithoutNulAreNot() throws IOException {
        // Tika's magic detector calls this binary: too many bytes above 127 for ASCII, and not UTF-8
        byte[] windows1252 = "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, \u00e0 bient\u00f4t.\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] controls = new byte[4096];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 5 == 0 ? 1 + i % 30 : 'a' + i % 26);
        }

        assertThat(parse("old.txt", windows1252).pages().get(0).text())
                .isEqualTo("Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, \u00e0 bient\u00f4t.");
        assertThatThrownBy(() -> parse("controls.txt", controls))
                .extracting("reason").isEqualTo(Reason.UNSUPPORTED_TYPE);
    }

    @Test
    void jsonIsReadAsItsText() throws IOException {
        byte[] json = Fixtures.utf8("{\"service\": \"backups\", \"runs\": \"nightly at two\"}\n");

        ParsedDocument parsed = parse("settings.json", json);

        assertThat(parsed.contentType()).isEqualTo("application/json");
        assertThat(parsed.pages().get(0).text()).contains("\"runs\": \"nightly at two\"");
    }

    @Test
    void utf16TextWithAByteOrderMarkIsText() throws IOException {
        byte[] utf16 = "\uFEFFPlain words in UTF-16.".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);

        ParsedDocument parsed = parse("wide.txt", utf16);

        assertThat(parsed.pages().get(0).text()).isEqualTo("Plain words in UTF-16.");
    }

    @Test
    void aPdfWithoutTextIsNoText() {
        assertThatThrownBy(() -> parse("scan.pdf", Fixtures.imageOnlyPdf()))
                .isInstanceOf(RejectedDocumentException.class)
                .extracting("reason").isEqualTo(Reason.NO_TEXT);
    }

    @Test
    void aTruncatedPdfIsMalformed() {
        byte[] pdf = Fixtures.pdf("Some text that will be cut off.");
        byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length / 3);

        assertThatThrownBy(() -> parse("broken.pdf", truncated))
                .isInstanceOf(RejectedDocumentException.class)
                .extracting("reason").isIn(Reason.MALFORMED, Reason.NO_TEXT);
    }
}
