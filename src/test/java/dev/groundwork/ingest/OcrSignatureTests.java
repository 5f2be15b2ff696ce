package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderTestSupport;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.observe.Stages;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Scans;
import dev.groundwork.support.Scans.Look;
import dev.groundwork.support.Scans.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The re-index signature and OCR: a document whose text OCR shaped (pages read by OCR, or pages without text that OCR
 * off left empty) records the OCR settings, and is made again when they change; a document read from its text alone
 * records none, and is left as it is. Real parser, splitter and encoder.
 */
class OcrSignatureTests {

    private static final Path TESSERACT = Scans.TESSERACT;
    private static Encoder encoder;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        Scans.assumeTesseract(OcrSignatureTests.class);
        encoder = EncoderTestSupport.sharedEncoder();
    }

    private static DocumentPipeline pipeline(OcrMode mode, String languages) {
        OcrOptions ocr = new OcrOptions(mode, languages, mode == OcrMode.OFF ? "" : TESSERACT.toString(),
                Duration.ofSeconds(60), 200, 40_000_000);
        return new DocumentPipeline(new TikaDocumentParser(ParseLimits.defaults(1_000_000), ocr, OcrReader.Progress.NONE),
                new SentenceAwareSplitter(new SplitSettings(256, 38, true), encoder), encoder, Stages.NONE);
    }

    private DocumentRecord made(DocumentPipeline pipeline, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return pipeline.prepare(file, name, FileFacts.of(file), List.of(name), Instant.now()).record();
    }

    @Test
    void turningOcrOnMakesAgainOnlyTheDocumentsWithPagesWithoutText() throws IOException {
        DocumentPipeline off = pipeline(OcrMode.OFF, "eng");
        DocumentPipeline auto = pipeline(OcrMode.AUTO, "eng");
        byte[] mixed = Scans.pdf(List.of(Page.text("Chapter one covers the opening hours of the museum."),
                Page.scan(Scans.page(List.of(OcrReaderTests.HARBOUR), Look.CLEAN))));

        DocumentRecord text = made(off, "text.pdf", Fixtures.pdf("The ferry leaves the north pier every hour."));
        DocumentRecord word = made(off, "notes.docx", Fixtures.docx().paragraph("The library opens at nine.").bytes());
        DocumentRecord scanned = made(off, "mixed.pdf", mixed);

        assertThat(text.pipeline()).isEqualTo(off.signature()).isEqualTo(auto.signature());
        assertThat(scanned.pipeline()).isNotEqualTo(off.signature());
        assertThat(off.isCurrent(scanned)).isTrue();
        // OCR on: the text PDF and the Word file stand, the PDF with a page without text is read again
        assertThat(auto.isCurrent(text)).isTrue();
        assertThat(auto.isCurrent(word)).isTrue();
        assertThat(auto.isCurrent(scanned)).isFalse();
        DocumentRecord again = made(auto, "mixed.pdf", mixed);
        assertThat(again.ocrPages()).isEqualTo(1);
        assertThat(auto.isCurrent(again)).isTrue();
        // the index as a whole was built with the same pipeline: no rebuild, only these documents
        assertThat(DocumentPipeline.withoutOcr(again.pipeline())).isEqualTo(auto.signature());
        assertThat(DocumentPipeline.encoderPart(again.pipeline())).isEqualTo(DocumentPipeline.encoderPart(auto.signature()));
        // other languages, or OCR off again: the scanned document is made again, the others are not
        assertThat(pipeline(OcrMode.AUTO, "eng+osd").isCurrent(again)).isFalse();
        assertThat(off.isCurrent(again)).isFalse();
        assertThat(off.isCurrent(text)).isTrue();
    }

    @Test
    void alwaysMakesAgainEveryPdfButNotOtherFormats() throws IOException {
        DocumentPipeline off = pipeline(OcrMode.OFF, "eng");
        DocumentPipeline always = pipeline(OcrMode.ALWAYS, "eng");

        DocumentRecord text = made(off, "text.pdf", Fixtures.pdf("The ferry leaves the north pier every hour."));
        DocumentRecord word = made(off, "notes.docx", Fixtures.docx().paragraph("The library opens at nine.").bytes());

        assertThat(always.isCurrent(text)).isFalse();
        assertThat(always.isCurrent(word)).isTrue();
        DocumentRecord again = made(always, "text.pdf", Fixtures.pdf("The ferry leaves the north pier every hour."));
        assertThat(again.ocrPages()).isEqualTo(1);
        assertThat(always.isCurrent(again)).isTrue();
    }
}
