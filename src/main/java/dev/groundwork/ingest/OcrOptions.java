package dev.groundwork.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a parse worker reads pages by OCR, in a form its command line carries.
 *
 * @param mode        AUTO or ALWAYS when OCR runs; OFF also when the binary was not found
 * @param languages   Tesseract's language list ({@code eng+deu})
 * @param command     the tesseract binary, an absolute path; empty when OCR is off
 * @param pageTimeout the longest Tesseract may take on one page; past it the page fails, the document goes on
 * @param maxPages    more pages to OCR in one document are refused with TOO_MANY_PAGES, before any is read
 * @param maxPixels   an image (or a frame of a TIFF) of more pixels is refused with TOO_MANY_PIXELS, before it is
 *                    decoded; a PDF page is rendered at a resolution that stays within it
 */
record OcrOptions(OcrMode mode, String languages, String command, Duration pageTimeout, int maxPages, long maxPixels) {

    /** Language codes joined by '+', nothing else: the list goes on Tesseract's command line. */
    static final Pattern LANGUAGES = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\+[A-Za-z][A-Za-z0-9_]*)*");
    static final OcrOptions OFF = new OcrOptions(OcrMode.OFF, "eng", "", Duration.ofSeconds(30), 500, 40_000_000);

    OcrOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(command, "command");
        if (!LANGUAGES.matcher(languages).matches()) {
            throw new IllegalArgumentException("OCR languages must be codes joined by '+' (eng+deu): " + languages);
        }
        if (pageTimeout.isNegative() || pageTimeout.isZero() || maxPages < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("OCR limits out of range: " + pageTimeout + ", " + maxPages + ", "
                    + maxPixels);
        }
        if (mode != OcrMode.OFF && !command.startsWith("/")) {
            throw new IllegalArgumentException("the tesseract binary must be an absolute path: " + command);
        }
    }

    boolean enabled() {
        return mode != OcrMode.OFF;
    }

    /**
     * The OCR part of a document's pipeline signature: a document with pages that have no text layer (or all of them,
     * under ALWAYS) is made again when it changes, a document read from its text layer alone is not.
     */
    String signature() {
        return mode == OcrMode.OFF ? "ocr:off" : "ocr:" + mode.name().toLowerCase(java.util.Locale.ROOT) + ":" + languages;
    }

    OcrOptions withMode(OcrMode changed) {
        return new OcrOptions(changed, languages, command, pageTimeout, maxPages, maxPixels);
    }

    List<String> toArguments() {
        return List.of("ocr=" + mode.name(), "ocr-languages=" + languages, "ocr-command=" + command,
                "ocr-page-timeout-ms=" + pageTimeout.toMillis(), "ocr-max-pages=" + maxPages,
                "ocr-max-pixels=" + maxPixels);
    }

    /** The options a worker was started with; none given (an older command line, a stand-in): OCR off. */
    static OcrOptions fromArguments(List<String> arguments) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (argument.startsWith("ocr") && equals > 0) {
                values.put(argument.substring(0, equals), argument.substring(equals + 1));
            }
        }
        if (!values.containsKey("ocr")) {
            return OFF;
        }
        return new OcrOptions(OcrMode.valueOf(values.get("ocr")), values.get("ocr-languages"), values.get("ocr-command"),
                Duration.ofMillis(Long.parseLong(values.get("ocr-page-timeout-ms"))),
                Integer.parseInt(values.get("ocr-max-pages")), Long.parseLong(values.get("ocr-max-pixels")));
    }
}
