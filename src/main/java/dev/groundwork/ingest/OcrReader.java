package dev.groundwork.ingest;

import dev.groundwork.ingest.ParsedDocument.PageOcr;
import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.ParsedDocument.TextBlock;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.mime.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads by OCR the pages that have no text of their own: the pages of a PDF without a text layer (or almost none; every
 * page under {@link OcrMode#ALWAYS}), and images, each frame of a TIFF a page. Every page runs under its own time limit
 * ({@link Tesseract}); one that fails is marked so and the others go on. An image's size is read from its header and
 * refused past the pixel limit before a byte of it is decoded; a PDF page is rendered at a resolution within it.
 */
final class OcrReader {

    private static final Logger log = LoggerFactory.getLogger(OcrReader.class);
    /** A page with fewer letters than this in its text layer has "almost none": a page number, a stamp. */
    static final int MIN_TEXT_LAYER_CHARACTERS = 16;
    /** Tesseract reads print best at about 300 dots per inch. */
    static final int DPI = 300;
    /** Below this a page is too coarse to read: it fails rather than give noise. */
    private static final int MIN_DPI = 70;
    /** The image types read by OCR, as files and as members of archives (never as attachments). */
    static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/tiff", "image/webp");

    /** Told before each page is read, so a worker's watchdog knows it is making progress. */
    interface Progress {
        Progress NONE = page -> {
        };

        void reading(int page) throws IOException;
    }

    private final OcrOptions options;
    private final Tesseract tesseract;

    OcrReader(OcrOptions options) {
        this.options = options;
        this.tesseract = new Tesseract(options);
    }

    OcrOptions options() {
        return options;
    }

    boolean readsImage(MediaType type) {
        return options.enabled() && IMAGES.contains(type.getBaseType().toString());
    }

    /** Whether a page's text layer is missing or almost empty. */
    static boolean lacksText(ParsedPage page) {
        int letters = 0;
        String text = page.text();
        for (int i = 0; i < text.length() && letters < MIN_TEXT_LAYER_CHARACTERS; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                letters++;
            }
        }
        return letters < MIN_TEXT_LAYER_CHARACTERS;
    }

    /** The pages of a PDF, those without text (every one under ALWAYS) read by OCR instead. */
    List<ParsedPage> readPdfPages(Path pdf, List<ParsedPage> pages, ParseGuard guard, Progress progress)
            throws IOException, ParseLimitException {
        List<Integer> toRead = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (options.mode() == OcrMode.ALWAYS || lacksText(pages.get(i))) {
                toRead.add(i);
            }
        }
        if (toRead.isEmpty()) {
            return pages;
        }
        requirePageCount(toRead.size());
        List<ParsedPage> read = new ArrayList<>(pages);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int index : toRead) {
                guard.check();
                ParsedPage page = pages.get(index);
                progress.reading(page.number() == null ? index + 1 : page.number());
                read.set(index, ocrPage(page.number(), () -> render(renderer, document, index), page));
            }
        }
        return read;
    }

    /** An image file, one page; a TIFF of several frames, a page each. Refused past the pixel or page limit. */
    ParsedDocument readImage(Path file, MediaType type, String title, ParseGuard guard, Progress progress)
            throws IOException, ParseLimitException {
        ImageFrames frames = ImageFrames.of(file, type);
        if (frames.count() > 1) {
            requirePageCount(frames.count());
        }
        for (int i = 0; i < frames.count(); i++) {
            requirePixels(frames.pixels(i));
        }
        boolean paged = frames.count() > 1;
        List<ParsedPage> pages = new ArrayList<>(frames.count());
        for (int i = 0; i < frames.count(); i++) {
            guard.check();
            Integer number = paged ? i + 1 : null;
            progress.reading(i + 1);
            int frame = i;
            Rendering rendering = frames.singleFile() ? null : () -> frames.decode(frame);
            pages.add(rendering == null ? ocrFile(number, file) : ocrPage(number, rendering, null));
            guard.checkCharacters(pages.stream().mapToLong(page -> page.text().length()).sum());
        }
        return new ParsedDocument(type.getBaseType().toString(), title, paged, pages);
    }

    private interface Rendering {
        BufferedImage render() throws IOException;
    }

    private ParsedPage ocrPage(Integer number, Rendering rendering, ParsedPage fallback) throws IOException {
        BufferedImage image;
        try {
            image = rendering.render();
        } catch (IOException | RuntimeException e) {
            // a page too large to render, or one its renderer or decoder fails on: that page, not the document
            log.warn("Page {} not read by OCR: {}", number, ParseFailures.describe(e));
            return failed(number, fallback);
        }
        Path png = Files.createTempFile("groundwork-page-", ".png");
        try {
            ImageIO.write(image, "png", png.toFile());
            image = null; // the rendered page may be large: let it go before Tesseract runs
            return ocrFile(number, png, fallback);
        } finally {
            Files.deleteIfExists(png);
        }
    }

    private ParsedPage ocrFile(Integer number, Path image) throws IOException {
        return ocrFile(number, image, null);
    }

    private ParsedPage ocrFile(Integer number, Path image, ParsedPage fallback) throws IOException {
        long started = System.nanoTime();
        try {
            Tesseract.PageText text = tesseract.read(image);
            log.debug("OCR of page {}: {} paragraphs, confidence {} in {} ms", number, text.paragraphs().size(),
                    text.confidence(), (System.nanoTime() - started) / 1_000_000);
            return page(number, text);
        } catch (Tesseract.OcrFailedException e) {
            log.warn("Page {} not read by OCR: {}", number, e.getMessage());
            return failed(number, fallback);
        }
    }

    /**
     * A page OCR failed on: the text layer it had, if any (under ALWAYS), else none; marked failed either way, so the
     * document says which pages OCR could not read and records the OCR settings it was read under.
     */
    private static ParsedPage failed(Integer number, ParsedPage fallback) {
        if (fallback != null && !lacksText(fallback)) {
            return new ParsedPage(fallback.number(), fallback.text(), fallback.blocks(), PageOcr.failed());
        }
        return new ParsedPage(number, "", List.of(), PageOcr.failed());
    }

    private static ParsedPage page(Integer number, Tesseract.PageText read) {
        StringBuilder text = new StringBuilder();
        List<TextBlock> blocks = new ArrayList<>(read.paragraphs().size());
        for (String paragraph : read.paragraphs()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(paragraph);
            blocks.add(new TextBlock(start, text.length(), List.of(), false));
        }
        return new ParsedPage(number, text.toString(), blocks, new PageOcr(true, read.confidence()));
    }

    private BufferedImage render(PDFRenderer renderer, PDDocument document, int index) throws IOException {
        PDRectangle box = document.getPage(index).getCropBox();
        double squareInches = (box.getWidth() / 72.0) * (box.getHeight() / 72.0);
        int dpi = (int) Math.min(DPI, Math.floor(Math.sqrt(options.maxPixels() / Math.max(squareInches, 1e-6))));
        if (dpi < MIN_DPI) {
            throw new PageTooLargeException("the page is too large to render within the pixel limit");
        }
        return renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
    }

    private void requirePageCount(int pages) {
        if (pages > options.maxPages()) {
            throw new RejectedDocumentException(Reason.TOO_MANY_PAGES, "The document has more than "
                    + options.maxPages() + " pages to read by OCR.");
        }
    }

    private void requirePixels(long pixels) {
        if (pixels > options.maxPixels()) {
            throw new RejectedDocumentException(Reason.TOO_MANY_PIXELS, "The image has " + pixels
                    + " pixels; images of more than " + options.maxPixels() + " are not read.");
        }
    }

    /** A PDF page whose size would need more pixels than allowed even at a coarse resolution. */
    private static final class PageTooLargeException extends IOException {
        PageTooLargeException(String message) {
            super(message);
        }
    }
}
