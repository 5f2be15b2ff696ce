package dev.groundwork.bench;

import dev.groundwork.GroundworkApplication;
import dev.groundwork.ingest.DocumentParser;
import dev.groundwork.ingest.DocumentPipeline;
import dev.groundwork.ingest.FileFacts;
import dev.groundwork.ingest.ParsedDocument;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What OCR costs: a 50-page scanned PDF (text rendered to 200 dpi page images, a few pages turned a little, no text
 * layer) against the same 50 pages as a text PDF, through the application's own parser (a parse worker, in bubblewrap
 * where it works, running tesseract per page) and its whole pipeline (parse, split, embed). Each run times both, in
 * turns; ratios are taken within a run. Prints figures; asserts nothing.
 * Usage: OcrBench [runs, default 3] [pages, default 50]
 */
public final class OcrBench {

    private static final String[] WORDS = ("the of and to in a is that for it as was with be by on not he this are or "
            + "his from at which but have an they you were her she there been one all we their has would when what "
            + "harbour invoice contract tenant payment schedule clause delivery warehouse pension committee report "
            + "notice period annual budget insurance claim repair office meeting agreement supplier quarterly").split(" ");

    private OcrBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path work = Files.createTempDirectory("groundwork-ocr-bench-");
        List<List<String>> text = pagesOfText(pages);
        Path scanned = work.resolve("scanned.pdf");
        Path typed = work.resolve("typed.pdf");
        Files.write(scanned, pdf(text, true));
        Files.write(typed, pdf(text, false));
        Path warmScan = work.resolve("warm-scan.pdf");
        Path warmText = work.resolve("warm-text.pdf");
        Files.write(warmScan, pdf(text.subList(0, 2), true));
        Files.write(warmText, pdf(text.subList(0, 2), false));
        System.err.printf("Scanned PDF: %d pages, %.1f MB; text PDF: %.0f KB%n", pages, Files.size(scanned) / 1e6,
                Files.size(typed) / 1e3);

        String[] properties = {
                "groundwork.ingest.dir=" + work.resolve("ingest"),
                "groundwork.index.dir=" + work.resolve("index"),
                "groundwork.sync.on-startup=false",
                "groundwork.sync.cron=-",
                "groundwork.parse.timeout=120s",
                "groundwork.prompts.dir=" + Path.of("../prompts").toAbsolutePath().normalize(),
                "logging.level.dev.groundwork.ingest=WARN",
                "spring.main.banner-mode=off"};
        Files.createDirectories(work.resolve("ingest"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GroundworkApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            DocumentParser parser = context.getBean(DocumentParser.class);
            DocumentPipeline pipeline = context.getBean(DocumentPipeline.class);
            // warm: workers started, parsers and tesseract's data loaded, the encoder compiled
            prepare(pipeline, warmScan);
            prepare(pipeline, warmText);
            List<Double> scanParse = new ArrayList<>();
            List<Double> textParse = new ArrayList<>();
            List<Double> scanAll = new ArrayList<>();
            List<Double> textAll = new ArrayList<>();
            List<Double> parseRatio = new ArrayList<>();
            List<Double> allRatio = new ArrayList<>();
            double confidence = 0;
            int ocrPages = 0;
            for (int run = 0; run < runs; run++) {
                boolean scanFirst = run % 2 == 0;
                double[] parse = new double[2];
                double[] all = new double[2];
                for (int turn = 0; turn < 2; turn++) {
                    boolean scan = (turn == 0) == scanFirst;
                    Path file = scan ? scanned : typed;
                    long started = System.nanoTime();
                    ParsedDocument parsed = parser.parse(file, file.getFileName().toString());
                    parse[scan ? 0 : 1] = (System.nanoTime() - started) / 1e9;
                    if (scan) {
                        ocrPages = parsed.ocrPages();
                        confidence = parsed.pages().stream().filter(ParsedDocument.ParsedPage::scanned)
                                .mapToDouble(page -> page.ocr().confidence()).average().orElse(0);
                    }
                    all[scan ? 0 : 1] = prepare(pipeline, file);
                }
                scanParse.add(parse[0]);
                textParse.add(parse[1]);
                scanAll.add(all[0]);
                textAll.add(all[1]);
                parseRatio.add(parse[0] / parse[1]);
                allRatio.add(all[0] / all[1]);
                System.err.printf("run %d: parse %.1f s scanned / %.2f s text; parse+split+embed %.1f s / %.1f s%n",
                        run + 1, parse[0], parse[1], all[0], all[1]);
            }
            double load = loadAverage();
            System.out.printf("%n## OCR: a %d-page scan against the same pages as text (%d runs, medians; load %.1f)%n%n",
                    pages, runs, load);
            System.out.println("| | scanned PDF | text PDF | scanned / text |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| parse (a worker; OCR of %d pages) | %.1f s | %.2f s | %.0fx |%n", ocrPages,
                    Stats.median(scanParse), Stats.median(textParse), Stats.median(parseRatio));
            System.out.printf("| parse, split, embed | %.1f s | %.1f s | %.1fx |%n", Stats.median(scanAll),
                    Stats.median(textAll), Stats.median(allRatio));
            System.out.printf("%nOCR: %.2f pages per second in one worker (%.2f s a page); mean Tesseract confidence "
                    + "%.1f%n", pages / Stats.median(scanParse), Stats.median(scanParse) / pages, confidence);
        }
    }

    private static double prepare(DocumentPipeline pipeline, Path file) {
        long started = System.nanoTime();
        pipeline.prepare(file, file.getFileName().toString(), FileFacts.of(file), List.of(file.getFileName().toString()),
                Instant.now());
        return (System.nanoTime() - started) / 1e9;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Pages of made-up prose, about 180 words each, a heading first. */
    private static List<List<String>> pagesOfText(int pages) {
        Random random = new Random(42);
        List<List<String>> all = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("Section " + (p + 1));
            for (int q = 0; q < 4; q++) {
                StringBuilder paragraph = new StringBuilder();
                for (int w = 0; w < 45; w++) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    paragraph.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
                }
                paragraphs.add(paragraph + ".");
            }
            all.add(paragraphs);
        }
        return all;
    }

    private static byte[] pdf(List<List<String>> pages, boolean scanned) throws IOException {
        try (PDDocument document = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            for (int p = 0; p < pages.size(); p++) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (scanned) {
                        content.drawImage(LosslessFactory.createFromImage(document, render(pages.get(p), p % 5 == 4)),
                                0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                    } else {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN), 11);
                        content.setLeading(14);
                        content.newLineAtOffset(54, 740);
                        for (String paragraph : pages.get(p)) {
                            for (String line : wrap(paragraph, 95)) {
                                content.showText(line);
                                content.newLine();
                            }
                            content.newLine();
                        }
                        content.endText();
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A page as a scanner at 200 dpi gives it; every fifth turned by 2 degrees. */
    private static BufferedImage render(List<String> paragraphs, boolean skewed) {
        BufferedImage image = new BufferedImage(1700, 2200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1700, 2200);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (skewed) {
            g.transform(AffineTransform.getRotateInstance(Math.toRadians(2), 850, 1100));
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 31));
        FontMetrics metrics = g.getFontMetrics();
        int y = 150;
        for (String paragraph : paragraphs) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && metrics.stringWidth(line + " " + word) > 1400) {
                    g.drawString(line.toString(), 150, y);
                    y += metrics.getHeight();
                    line.setLength(0);
                }
                line.append(line.length() == 0 ? word : " " + word);
            }
            g.drawString(line.toString(), 150, y);
            y += 2 * metrics.getHeight();
        }
        g.dispose();
        return image;
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? word : " " + word);
        }
        lines.add(line.toString());
        return lines;
    }
}
