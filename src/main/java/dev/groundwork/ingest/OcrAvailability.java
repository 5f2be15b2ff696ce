package dev.groundwork.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether OCR runs, found once at start-up: the setting, and whether the tesseract binary is there and knows the
 * languages asked for. {@code auto} without the binary reads no scans (as {@code off}) and says so, in the log and in
 * health; {@code always} without it, or a language that is not installed, stops the start.
 *
 * @param options   what the parse workers are given (mode OFF when OCR does not run)
 * @param setting   the configured mode
 * @param binary    the binary found, or null
 * @param installed the languages the binary knows
 * @param reason    why OCR does not run, or null
 */
public record OcrAvailability(OcrOptions options, OcrMode setting, String binary, List<String> installed,
                              String reason) {

    private static final Logger log = LoggerFactory.getLogger(OcrAvailability.class);
    /** Where a worker's PATH looks ({@link WorkerCommand#MINIMAL_PATH}), so the binary found is the one it can run. */
    private static final List<String> SEARCHED = Arrays.asList(WorkerCommand.MINIMAL_PATH.split(":"));

    public OcrAvailability {
        installed = List.copyOf(installed);
    }

    public boolean available() {
        return options.enabled();
    }

    public String languages() {
        return options.languages();
    }

    static OcrAvailability detect(ParseSettings settings) {
        OcrOptions off = new OcrOptions(OcrMode.OFF, settings.ocrLanguages(), "", settings.ocrPageTimeout(),
                settings.ocrMaxPages(), settings.ocrMaxPixels());
        if (settings.ocr() == OcrMode.OFF) {
            log.info("OCR is off (groundwork.parse.ocr: off): scans without a text layer are refused with NO_TEXT");
            return new OcrAvailability(off, OcrMode.OFF, null, List.of(), "groundwork.parse.ocr is off");
        }
        String binary = find(settings.ocrCommand());
        List<String> installed;
        try {
            installed = binary == null ? null : Tesseract.listLanguages(binary, Duration.ofSeconds(20));
        } catch (Exception e) {
            installed = null;
            log.warn("{} --list-langs failed: {}", binary, e.getMessage());
        }
        if (installed == null) {
            String reason = "the tesseract binary (" + settings.ocrCommand() + ") was not found or does not run; "
                    + "install Debian's tesseract-ocr and tesseract-ocr-eng";
            if (settings.ocr() == OcrMode.ALWAYS) {
                throw new IllegalStateException("groundwork.parse.ocr is always, but " + reason);
            }
            log.warn("OCR is not available: {}. Scans without a text layer are refused with NO_TEXT", reason);
            return new OcrAvailability(off, settings.ocr(), null, List.of(), reason);
        }
        List<String> known = installed;
        List<String> missing = Arrays.stream(settings.ocrLanguages().split("\\+"))
                .filter(language -> !known.contains(language)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("groundwork.parse.ocr-languages names " + String.join(", ", missing)
                    + ", which Tesseract does not have (installed: " + String.join(", ", installed)
                    + "); install Debian's tesseract-ocr-" + missing.get(0) + " or change the setting");
        }
        OcrOptions options = new OcrOptions(settings.ocr(), settings.ocrLanguages(), binary, settings.ocrPageTimeout(),
                settings.ocrMaxPages(), settings.ocrMaxPixels());
        log.info("OCR is {} with {} ({}): pages without a text layer{} and images are read", settings.ocr()
                .name().toLowerCase(java.util.Locale.ROOT), binary, settings.ocrLanguages(),
                settings.ocr() == OcrMode.ALWAYS ? " (and every other page)" : "");
        return new OcrAvailability(options, settings.ocr(), binary, installed, null);
    }

    /** An absolute path as it is; a name in /usr/bin or /bin, where a worker's PATH looks. */
    private static String find(String command) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            return path.isAbsolute() && Files.isExecutable(path) ? path.toString() : null;
        }
        return SEARCHED.stream().map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst()
                .map(Path::toString).orElse(null);
    }
}
