package dev.groundwork.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tesseract binary on one page image and reads its TSV output: the words with their confidence, grouped
 * into lines and paragraphs. Run per page, as a process of its own with a time limit, so a page that hangs or crashes
 * Tesseract costs that page. Tika's TesseractOCRParser gives the text only, not the confidence, and runs under the
 * whole document's time; this is the same binary, called the same way, one page at a time.
 */
final class Tesseract {

    /** A page's TSV is a few hundred KB at most; more is not a page. */
    private static final long MAX_OUTPUT_BYTES = 16L << 20;
    /** A "word" of no letter or digit read with less confidence than this is a speck of dirt, not punctuation. */
    private static final float SPECK_CONFIDENCE = 50;

    /** What Tesseract read on a page: its paragraphs, and the mean confidence of its words (0 to 100). */
    record PageText(List<String> paragraphs, float confidence) {
        PageText {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** Tesseract did not read the page: it ran past its time, failed or gave no output. */
    static final class OcrFailedException extends Exception {
        OcrFailedException(String message) {
            super(message);
        }
    }

    private final OcrOptions options;

    Tesseract(OcrOptions options) {
        this.options = options;
    }

    /** Reads one image file (PNG, JPEG, TIFF, WebP; Tesseract's Leptonica decodes it). */
    PageText read(Path image) throws OcrFailedException, IOException {
        Path output = Files.createTempFile("groundwork-ocr-", ".tsv");
        try {
            ProcessBuilder builder = new ProcessBuilder(options.command(), image.toString(), "stdout",
                    "-l", options.languages(), "--psm", "1", "tsv");
            builder.environment().put("OMP_THREAD_LIMIT", "1"); // one core a page: workers run side by side
            builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.redirectOutput(output.toFile());
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            try {
                if (!process.waitFor(options.pageTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new OcrFailedException("OCR of the page took longer than " + seconds(options.pageTimeout()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OcrFailedException("OCR of the page was interrupted");
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (process.exitValue() != 0) {
                throw new OcrFailedException("Tesseract failed on the page (exit code " + process.exitValue() + ")");
            }
            if (Files.size(output) > MAX_OUTPUT_BYTES) {
                throw new OcrFailedException("Tesseract's output for the page was too large");
            }
            return parseTsv(Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Reads Tesseract's TSV: {@code level page_num block_num par_num line_num word_num left top width height conf
     * text}; words are level 5. Lines of a paragraph are joined by a space, a word broken by a hyphen at a line's end
     * is joined again.
     */
    static PageText parseTsv(String tsv) {
        Map<String, StringBuilder> paragraphs = new LinkedHashMap<>();
        String lastLine = null;
        double confidence = 0;
        int words = 0;
        for (String row : tsv.split("\n")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < 12 || !"5".equals(cells[0])) {
                continue;
            }
            String word = cells[11].strip();
            float conf = confidence(cells[10]);
            if (word.isEmpty() || conf < SPECK_CONFIDENCE && !hasLetterOrDigit(word)) {
                continue; // specks of a noisy scan come out as '|', '_' or '.' with a low confidence
            }
            String paragraph = cells[1] + "." + cells[2] + "." + cells[3];
            String line = paragraph + "." + cells[4];
            StringBuilder text = paragraphs.computeIfAbsent(paragraph, key -> new StringBuilder());
            if (text.length() > 0) {
                boolean newLine = !line.equals(lastLine);
                boolean hyphenated = newLine && text.charAt(text.length() - 1) == '-' && text.length() > 1
                        && Character.isLetter(text.charAt(text.length() - 2)) && Character.isLowerCase(word.charAt(0));
                if (hyphenated) {
                    text.setLength(text.length() - 1);
                } else {
                    text.append(' ');
                }
            }
            text.append(word);
            lastLine = line;
            if (conf >= 0) { // a word without a confidence (-1) does not count towards the mean
                confidence += Math.min(100, conf);
                words++;
            }
        }
        List<String> texts = new ArrayList<>(paragraphs.size());
        paragraphs.values().forEach(text -> texts.add(text.toString()));
        return new PageText(texts, words == 0 ? 0 : (float) (confidence / words));
    }

    private static float confidence(String cell) {
        try {
            return Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean hasLetterOrDigit(String word) {
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** What {@code tesseract --list-langs} prints, one language a line after its heading. */
    static List<String> listLanguages(String command, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command, "--list-langs");
        builder.redirectErrorStream(true);
        builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process process = builder.start();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readNBytes(1 << 16);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " --list-langs did not answer within " + seconds(timeout));
        }
        if (process.exitValue() != 0) {
            throw new IOException(command + " --list-langs ended with exit code " + process.exitValue());
        }
        List<String> languages = new ArrayList<>();
        for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
            String language = line.strip();
            if (!language.isEmpty() && !language.startsWith("List of") && !language.contains(" ")) {
                languages.add(language);
            }
        }
        return languages;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
