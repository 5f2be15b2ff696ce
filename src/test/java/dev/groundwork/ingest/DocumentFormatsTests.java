package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Ebooks;
import dev.groundwork.support.Ebooks.Encryption;
import dev.groundwork.support.StrictWorkbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.onenote.OneNoteParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formats that were refused although they hold text: Strict OOXML, EPUBs with obfuscated fonts, SVG, OneNote. */
class DocumentFormatsTests {

    private final TikaDocumentParser parser = new TikaDocumentParser(ParseLimits.defaults(1_000_000));

    @TempDir
    Path dir;

    private ParsedDocument parse(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return parser.parse(file, name);
    }

    private static String text(ParsedDocument document) {
        return document.pages().stream().map(ParsedPage::text).collect(Collectors.joining("\n"));
    }

    @Test
    void aStrictOpenXmlWorkbookIsReadRowByRow() throws IOException {
        byte[] strict = StrictWorkbooks.of("Budget", List.of(
                new String[] {"Item", "Cost"},
                new String[] {"Lighthouse lamp oil", "412 kroner"}));

        ParsedDocument parsed = parse("budget.xlsx", strict);

        assertThat(parsed.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(text(parsed)).contains("Budget").contains("Item | Cost").contains("Lighthouse lamp oil | 412 kroner");
    }

    @Test
    void aStrictPackageIsRewrittenNamespaceForNamespace() {
        assertThat(StrictOoxml.transitional("<sst xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"/>"))
                .isEqualTo("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
        assertThat(StrictOoxml.transitional(
                "Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties\""))
                .isEqualTo("Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\"");
        assertThat(StrictOoxml.transitional("xmlns:r=\"http://purl.oclc.org/ooxml/officeDocument/relationships\""))
                .isEqualTo("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"");
    }

    @Test
    void anEpub2WithACoverAndNoEncryptionIsRead() throws IOException {
        byte[] book = Ebooks.epub2WithCover("The Lighthouse Keeper",
                "The keeper lit the lamp at dusk every evening for forty years.", Encryption.NONE);

        ParsedDocument parsed = parse("keeper.epub", book);

        assertThat(parsed.title()).isEqualTo("The Lighthouse Keeper");
        assertThat(text(parsed)).contains("lit the lamp at dusk every evening");
    }

    @Test
    void anEpubWhoseFontsAreOnlyObfuscatedIsNotEncrypted() throws IOException {
        // Tika lists the obfuscated font as an encrypted item and threw after reading the text: refused as ENCRYPTED
        byte[] book = Ebooks.epub2WithCover("The Lighthouse Keeper",
                "Storms came from the west in the autumn of that year.", Encryption.OBFUSCATED_FONT);

        ParsedDocument parsed = parse("keeper.epub", book);

        assertThat(text(parsed)).contains("Storms came from the west");
    }

    @Test
    void anEpubWithAnEncryptedChapterIsStillEncrypted() {
        byte[] book = Ebooks.epub2WithCover("Locked", "This chapter is sold with DRM.", Encryption.ENCRYPTED_CHAPTER);

        assertThatThrownBy(() -> parse("locked.epub", book)).isInstanceOfSatisfying(RejectedDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED));
    }

    @Test
    void anSvgDrawingGivesItsWordsAndNothingOfItsScriptOrShapes() throws IOException {
        byte[] svg = """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">
                  <title>Harbour map</title>
                  <desc>Where the ferries berth in winter.</desc>
                  <script>alert('never read')</script>
                  <style>.pier { fill: blue; }</style>
                  <rect class="pier" x="10" y="10" width="50" height="20"/>
                  <text x="12" y="50">North pier <tspan>closed for repairs</tspan></text>
                </svg>""".getBytes(StandardCharsets.UTF_8);

        ParsedDocument parsed = parse("harbour.svg", svg);

        assertThat(parsed.title()).isEqualTo("Harbour map");
        assertThat(text(parsed)).contains("Where the ferries berth in winter.").contains("North pier closed for repairs")
                .doesNotContain("alert").doesNotContain("fill");
    }

    @Test
    void oneNoteIsADocumentTypeWithItsParserConfigured() {
        MediaType oneNote = MediaType.parse("application/onenote; format=one");
        CompositeParser parsers = (CompositeParser) DocumentTypes.tikaConfig().getParser();

        assertThat(DocumentTypes.isDocument(oneNote)).isTrue();
        assertThat(parsers.getParsers(new ParseContext()).get(oneNote)).isInstanceOf(OneNoteParser.class);
    }
}
