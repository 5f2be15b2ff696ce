package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Bounded;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Scans;
import dev.groundwork.support.Scans.Look;
import dev.groundwork.support.Scans.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCR in the parser itself, against the real tesseract binary, on scans the test makes. */
class OcrReaderTests {

    static final String HARBOUR = "The harbour master inspects every fishing vessel on the first Monday of April.";
    static final String BAKERY = "Fresh rye bread is delivered to the bakery counter before seven each morning.";
    static final String GARDEN = "The community garden committee meets in the library on Thursday evenings.";
    private static final Path TESSERACT = Scans.TESSERACT;

    @TempDir
    Path dir;

    @BeforeAll
    static void tesseractIsInstalled() {
        Scans.assumeTesseract(OcrReaderTests.class);
    }

    static OcrOptions ocr(OcrMode mode) {
        return new OcrOptions(mode, "eng", TESSERACT.toString(), Duration.ofSeconds(60), 200, 40_000_000);
    }

    private ParsedDocument parse(OcrOptions options, String name, byte[] bytes) throws IOException {
        return parse(options, name, bytes, page -> {
        });
    }

    private ParsedDocument parse(OcrOptions options, String name, byte[] bytes, OcrReader.Progress progress)
            throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return new TikaDocumentParser(ParseLimits.defaults(1_000_000), options, progress).parse(file, name);
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void readsEveryPageOfAScannedPdfSkewedAndNoisyPagesToo() throws IOException {
        byte[] pdf = Scans.scannedPdf(List.of(
                Scans.page(List.of(HARBOUR), Look.CLEAN),
                Scans.page(List.of(BAKERY), Look.SKEWED),
                Scans.page(List.of(GARDEN), Look.NOISY)));
        List<Integer> told = new ArrayList<>();

        ParsedDocument parsed = parse(ocr(OcrMode.AUTO), "scan.pdf", pdf, told::add);

        assertThat(parsed.pages()).extracting(ParsedPage::number).containsExactly(1, 2, 3);
        assertThat(words(parsed.pages().get(0).text())).contains(HARBOUR);
        assertThat(words(parsed.pages().get(1).text())).contains("rye bread is delivered to the bakery counter");
        assertThat(words(parsed.pages().get(2).text())).contains("community garden", "committee meets in the library");
        assertThat(parsed.pages()).allMatch(ParsedPage::scanned);
        assertThat(parsed.pages()).allSatisfy(page -> assertThat(page.ocr().confidence()).isBetween(60f, 100f));
        assertThat(parsed.ocrPages()).isEqualTo(3);
        assertThat(parsed.ocrFailedPages()).isEmpty();
        assertThat(told).containsExactly(1, 2, 3);
    }

    @Test
    void aMixedPdfKeepsItsTextPagesAndPageNumbers() throws IOException {
        byte[] pdf = Scans.pdf(List.of(
                Page.text("Chapter one covers the opening hours of the museum."),
                Page.scan(Scans.page(List.of(HARBOUR), Look.NOISY)),
                Page.text("Chapter three lists the ticket prices for groups.")));

        ParsedDocument parsed = parse(ocr(OcrMode.AUTO), "mixed.pdf", pdf);

        assertThat(parsed.pages()).extracting(ParsedPage::number).containsExactly(1, 2, 3);
        assertThat(parsed.pages()).extracting(ParsedPage::scanned).containsExactly(false, true, false);
        assertThat(parsed.pages().get(0).text()).contains("opening hours of the museum");
        assertThat(words(parsed.pages().get(1).text())).contains("harbour master inspects every fishing vessel on the first");
        assertThat(parsed.pages().get(2).text()).contains("ticket prices for groups");
        assertThat(parsed.ocrPages()).isEqualTo(1);
    }

    @Test
    void alwaysReadsPagesWithATextLayerByOcrToo() throws IOException {
        byte[] pdf = Scans.pdf(List.of(Page.text("The warehouse closes at noon on Saturdays.")));

        ParsedDocument parsed = parse(ocr(OcrMode.ALWAYS), "text.pdf", pdf);

        assertThat(parsed.pages().get(0).scanned()).isTrue();
        assertThat(words(parsed.pages().get(0).text())).contains("warehouse closes at noon");
    }

    @Test
    void readsEachFrameOfATiffAsAPageAndASinglePngAsADocumentWithoutPages() throws IOException {
        ParsedDocument tiff = parse(ocr(OcrMode.AUTO), "fax.tiff", Scans.tiff(List.of(
                Scans.page(List.of(GARDEN), Look.CLEAN), Scans.page(List.of(BAKERY), Look.CLEAN),
                Scans.page(List.of(HARBOUR), Look.SKEWED))));
        ParsedDocument png = parse(ocr(OcrMode.AUTO), "whiteboard.png", Scans.png(Scans.page(List.of(BAKERY), Look.CLEAN)));

        assertThat(tiff.contentType()).isEqualTo("image/tiff");
        assertThat(tiff.paged()).isTrue();
        assertThat(tiff.pages()).extracting(ParsedPage::number).containsExactly(1, 2, 3);
        assertThat(words(tiff.pages().get(2).text())).contains("harbour master inspects every fishing vessel");
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.paged()).isFalse();
        assertThat(png.pageCount()).isNull();
        assertThat(words(png.pages().get(0).text())).contains(BAKERY);
        assertThat(png.title()).isEqualTo("whiteboard.png");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
        byte[] bomb = Scans.pngDeclaring(50_000, 50_000);
        assertThat(bomb.length).isLessThan(1_000);

        Bounded.within(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> parse(ocr(OcrMode.AUTO), "bomb.png", bomb))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS)).toString());
    }

    @Test
    void anImageOverThePixelLimitIsRefusedAndSoIsAWebpThatDeclaresTooMuch() throws IOException {
        OcrOptions small = new OcrOptions(OcrMode.AUTO, "eng", TESSERACT.toString(), Duration.ofSeconds(60), 200, 1_000_000);
        byte[] png = Scans.png(Scans.page(List.of(HARBOUR), Look.CLEAN)); // 1700 x 2200 = 3.7 megapixels

        assertThatThrownBy(() -> parse(small, "large.png", png)).isInstanceOfSatisfying(RejectedDocumentException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
                    assertThat(RejectionDetails.isPlainSentence(e.getMessage())).as(e.getMessage()).isTrue();
                });
        assertThatThrownBy(() -> parse(ocr(OcrMode.AUTO), "huge.webp", webpDeclaring(50_000, 50_000)))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS));
    }

    @Test
    void moreScannedPagesThanTheOcrLimitAreRefusedBeforeAnyIsRead() {
        OcrOptions twoPages = new OcrOptions(OcrMode.AUTO, "eng", TESSERACT.toString(), Duration.ofSeconds(60), 2, 40_000_000);
        byte[] pdf = Scans.scannedPdf(List.of(Scans.page(List.of(HARBOUR), Look.CLEAN),
                Scans.page(List.of(BAKERY), Look.CLEAN), Scans.page(List.of(GARDEN), Look.CLEAN)));
        List<Integer> told = new ArrayList<>();

        assertThatThrownBy(() -> parse(twoPages, "long.pdf", pdf, told::add))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PAGES);
                    assertThat(RejectionDetails.isPlainSentence(e.getMessage())).as(e.getMessage()).isTrue();
                });
        assertThat(told).isEmpty();
    }

    @Test
    void aPageOcrFailsOnDoesNotFailTheDocumentAndIsListed() throws IOException {
        // a stand-in tesseract that fails on every page: the text pages stand, the scanned one is listed
        Path failing = dir.resolve("tesseract");
        Files.writeString(failing, "#!/bin/sh\nexit 3\n");
        assertThat(failing.toFile().setExecutable(true)).isTrue();
        OcrOptions broken = new OcrOptions(OcrMode.AUTO, "eng", failing.toString(), Duration.ofSeconds(60), 200, 40_000_000);
        byte[] pdf = Scans.pdf(List.of(Page.text("Chapter one covers the opening hours of the museum."),
                Page.scan(Scans.page(List.of(HARBOUR), Look.CLEAN))));

        ParsedDocument parsed = parse(broken, "mixed.pdf", pdf);

        assertThat(parsed.pages()).extracting(ParsedPage::number).containsExactly(1, 2);
        assertThat(parsed.pages().get(0).text()).contains("opening hours");
        assertThat(parsed.pages().get(1).text()).isEmpty();
        assertThat(parsed.ocrFailedPages()).containsExactly(2);
        assertThat(parsed.ocrPages()).isZero();

        // under always, a page whose OCR fails keeps its text layer, and is still listed
        ParsedDocument always = parse(broken.withMode(OcrMode.ALWAYS), "mixed.pdf", pdf);
        assertThat(always.pages().get(0).text()).contains("opening hours");
        assertThat(always.ocrFailedPages()).containsExactly(1, 2);
    }

    @Test
    void aPagePastItsTimeIsStoppedAndListedAndAScanWithNothingReadIsNoText() {
        Path slow = dir.resolve("slow-tesseract");
        try {
            Files.writeString(slow, "#!/bin/sh\nsleep 30\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(slow.toFile().setExecutable(true)).isTrue();
        OcrOptions hurried = new OcrOptions(OcrMode.AUTO, "eng", slow.toString(), Duration.ofMillis(500), 200, 40_000_000);
        byte[] pdf = Scans.scannedPdf(List.of(Scans.page(List.of(HARBOUR), Look.CLEAN)));

        Bounded.within(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> parse(hurried, "slow.pdf", pdf))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_TEXT);
                    assertThat(e.getMessage()).contains("pages 1");
                    assertThat(RejectionDetails.isPlainSentence(e.getMessage())).as(e.getMessage()).isTrue();
                }).toString());
    }

    @Test
    void withOcrOffAnImageIsNotADocumentAndAScanHasNoText() {
        assertThatThrownBy(() -> parse(OcrOptions.OFF, "photo.png", Scans.png(Scans.page(List.of(HARBOUR), Look.CLEAN))))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE);
                    assertThat(e.getMessage()).contains("OCR", "image/png");
                    assertThat(RejectionDetails.isPlainSentence(e.getMessage())).as(e.getMessage()).isTrue();
                });
        assertThatThrownBy(() -> parse(OcrOptions.OFF, "scan.pdf", Fixtures.imageOnlyPdf()))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_TEXT));
    }

    @Test
    void tesseractsTsvBecomesParagraphsWithHyphenatedWordsJoinedAndTheMeanConfidence() {
        String tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
                + "5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t90\tThe\n"
                + "5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t80\tinspec-\n"
                + "5\t1\t1\t1\t2\t1\t0\t0\t1\t1\t70\ttion\n"
                + "5\t1\t1\t1\t2\t2\t0\t0\t1\t1\t60\tends.\n"
                + "4\t1\t1\t2\t1\t0\t0\t0\t1\t1\t-1\t\n"
                + "5\t1\t1\t2\t1\t1\t0\t0\t1\t1\t100\tNext\n"
                + "5\t1\t1\t2\t1\t2\t0\t0\t1\t1\t-1\t \n"
                + "5\t1\t1\t2\t1\t3\t0\t0\t1\t1\t8\t|\n";

        Tesseract.PageText text = Tesseract.parseTsv(tsv);

        assertThat(text.paragraphs()).containsExactly("The inspection ends.", "Next");
        assertThat(text.confidence()).isEqualTo(80f);
    }

    /** The 30 header bytes of an extended WebP (VP8X) that declares a canvas of this size. */
    private static byte[] webpDeclaring(int width, int height) {
        byte[] header = new byte[30];
        System.arraycopy("RIFF".getBytes(), 0, header, 0, 4);
        header[4] = 22;
        System.arraycopy("WEBPVP8X".getBytes(), 0, header, 8, 8);
        header[16] = 10;
        int w = width - 1;
        int h = height - 1;
        header[24] = (byte) w;
        header[25] = (byte) (w >> 8);
        header[26] = (byte) (w >> 16);
        header[27] = (byte) h;
        header[28] = (byte) (h >> 8);
        header[29] = (byte) (h >> 16);
        return header;
    }
}
