package dev.groundwork.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How untrusted files are parsed: the limits a document must stay within, and the worker processes that
 * parse them so that a hostile file cannot take the service down. A document that passes a limit is refused
 * with 422 and the limit's code; the text limit itself is {@code groundwork.ingest.max-characters}.
 *
 * @param maxPages            more pages (PDF pages, slides) are refused with TOO_MANY_PAGES
 * @param maxEmbeddedDepth    attachments and embedded files nested deeper are refused with TOO_DEEP
 * @param maxEmbeddedCount    more attachments and embedded files in all are refused with EXPANDS_TOO_MUCH
 * @param maxCompressionRatio more characters of text per byte of file (past the first million characters)
 *                            are refused with EXPANDS_TOO_MUCH; also the zip-bomb ratio for Office files
 * @param maxNestingDepth     XML or HTML elements nested deeper are refused with TOO_DEEP
 * @param maxEntityExpansions more XML entity expansions (a "billion laughs") are refused with EXPANDS_TOO_MUCH
 * @param timeout             a document still parsing after this long is refused with TIMEOUT (its worker
 *                            is killed)
 * @param isolation           {@code process}: parse in worker JVMs with their own heap and a watchdog;
 *                            {@code none}: parse inside the service (no memory or time limit; for debugging)
 * @param workers             worker processes, so as many documents parse at once
 * @param workerHeap          heap of each worker; a document that needs more is refused with EXPANDS_TOO_MUCH
 * @param workerMaxDocuments  a worker is replaced by a fresh one after this many documents
 * @param textInService       with {@code process}: plain text and Markdown (told from the bytes) are read in the
 *                            service, under the same limits and time limit, since reading them is linear; every
 *                            other format still goes to a worker
 * @param sandbox             with {@code process}: how workers are confined beyond their own JVM and environment
 * @param ocr                 when pages are read by OCR: {@code auto} (pages without a text layer, and images, where
 *                            the tesseract binary is found), {@code off}, {@code always} (every page)
 * @param ocrLanguages        Tesseract's languages, joined by '+' ({@code eng+deu}); each must be installed
 * @param ocrCommand          the tesseract binary: a name looked up in /usr/bin and /bin, or an absolute path
 * @param ocrPageTimeout      the longest OCR may take on one page; past it the page fails, the document goes on
 * @param ocrMaxPages         more pages to read by OCR in one document are refused with TOO_MANY_PAGES
 * @param ocrMaxPixels        an image (or a frame of a TIFF) of more pixels is refused with TOO_MANY_PIXELS
 */
public record ParseSettings(
        @DefaultValue("2000") @Min(1) int maxPages,
        @DefaultValue("5") @Min(0) @Max(50) int maxEmbeddedDepth,
        @DefaultValue("1000") @Min(0) int maxEmbeddedCount,
        @DefaultValue("100") @Min(2) long maxCompressionRatio,
        @DefaultValue("256") @Min(16) @Max(10_000) int maxNestingDepth,
        @DefaultValue("20") @Min(0) int maxEntityExpansions,
        @DefaultValue("60s") @NotNull Duration timeout,
        @DefaultValue("process") @NotNull Isolation isolation,
        @DefaultValue("2") @Min(1) @Max(32) int workers,
        @DefaultValue("512MB") @NotNull DataSize workerHeap,
        @DefaultValue("200") @Min(1) int workerMaxDocuments,
        @DefaultValue("true") boolean textInService,
        @DefaultValue("auto") @NotNull Sandbox sandbox,
        @DefaultValue("auto") @NotNull OcrMode ocr,
        @DefaultValue("eng") @NotNull String ocrLanguages,
        @DefaultValue("tesseract") @NotNull String ocrCommand,
        @DefaultValue("30s") @NotNull Duration ocrPageTimeout,
        @DefaultValue("200") @Min(1) int ocrMaxPages,
        @DefaultValue("40000000") @Min(1) long ocrMaxPixels) {

    /** Where documents are parsed. */
    public enum Isolation {
        /** In worker JVMs: a crash, an out-of-memory error or an endless loop there costs one document. */
        PROCESS,
        /** In the service's own JVM: no memory or time limit. */
        NONE
    }

    /** How parse workers are confined (with {@code isolation: process}). */
    public enum Sandbox {
        /** Bubblewrap where it is installed and works, else none (said at start-up, with the reason). */
        AUTO,
        /** Bubblewrap or no start: for hosts where an unconfined worker is not acceptable. */
        BUBBLEWRAP,
        /** No sandbox: a worker sees the service's files and network (never its environment). */
        NONE
    }

    public ParseSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("groundwork.parse.timeout must be positive");
        }
        if (!OcrOptions.LANGUAGES.matcher(ocrLanguages).matches()) {
            throw new IllegalArgumentException("groundwork.parse.ocr-languages must be language codes joined by '+' "
                    + "(eng+deu), not " + ocrLanguages);
        }
        if (ocrPageTimeout.isNegative() || ocrPageTimeout.isZero()) {
            throw new IllegalArgumentException("groundwork.parse.ocr-page-timeout must be positive");
        }
        if (workerHeap.toMegabytes() < 64) {
            throw new IllegalArgumentException("groundwork.parse.worker-heap must be at least 64MB");
        }
    }
}
