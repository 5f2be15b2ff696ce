package dev.groundwork.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scanned pages made on the fly: text rendered to an image with java.awt (as a scanner at 200 dpi would give it),
 * optionally turned a little or sprinkled with noise, then put in a PDF with no text layer (PDFBox), or in a TIFF
 * of several frames; and images that are not to be decoded (declared far larger than the limits).
 */
public final class Scans {

    /** How a page comes out of the scanner. */
    public enum Look { CLEAN, SKEWED, NOISY }

    private static final int WIDTH = 1700;
    private static final int HEIGHT = 2200;

    /** Where Debian's tesseract-ocr puts the binary, which ./test.sh installs. */
    public static final java.nio.file.Path TESSERACT = java.nio.file.Path.of("/usr/bin/tesseract");

    private Scans() {
    }

    /** Skips the calling test class, saying why, where tesseract is not installed. */
    public static void assumeTesseract(Class<?> testClass) {
        boolean installed = java.nio.file.Files.isExecutable(TESSERACT);
        if (!installed) {
            System.out.println(testClass.getSimpleName() + " skipped: " + TESSERACT
                    + " is missing (./test.sh installs tesseract-ocr and tesseract-ocr-eng)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(installed, "tesseract is not installed");
    }

    /** A page image of the given paragraphs, black on white, 200 dpi letter size. */
    public static BufferedImage page(List<String> paragraphs, Look look) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (look == Look.SKEWED) {
                g.transform(AffineTransform.getRotateInstance(Math.toRadians(2.5), WIDTH / 2.0, HEIGHT / 2.0));
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
            FontMetrics metrics = g.getFontMetrics();
            int y = 200;
            for (String paragraph : paragraphs) {
                for (String line : wrap(paragraph, metrics, WIDTH - 300)) {
                    g.drawString(line, 150, y);
                    y += metrics.getHeight();
                }
                y += metrics.getHeight();
            }
        } finally {
            g.dispose();
        }
        if (look == Look.NOISY) {
            Random random = new Random(7);
            for (int i = 0; i < WIDTH * HEIGHT / 200; i++) { // specks over 0.5% of the page
                image.getRaster().setSample(random.nextInt(WIDTH), random.nextInt(HEIGHT), 0, random.nextInt(128));
            }
        }
        return image;
    }

    /** A PDF whose pages are images only: no text layer at all. */
    public static byte[] scannedPdf(List<BufferedImage> pages) {
        return pdf(pages.stream().map(Page::scan).toList());
    }

    /** A page of a PDF: an image to place, or text for a text layer. */
    public record Page(BufferedImage image, String text) {
        public static Page scan(BufferedImage image) {
            return new Page(image, null);
        }

        public static Page text(String text) {
            return new Page(null, text);
        }
    }

    /** A PDF of scanned pages and pages with a text layer, in the given order. */
    public static byte[] pdf(List<Page> pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Page page : pages) {
                PDPage pdfPage = new PDPage(PDRectangle.LETTER);
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    if (page.image() != null) {
                        PDImageXObject image = LosslessFactory.createFromImage(document, page.image());
                        content.drawImage(image, 0, 0, PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
                    } else {
                        content.beginText();
                        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                        content.setLeading(16);
                        content.newLineAtOffset(72, 700);
                        for (String line : page.text().split("\n")) {
                            content.showText(line);
                            content.newLine();
                        }
                        content.endText();
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    /** A TIFF with one frame per page. */
    public static byte[] tiff(List<BufferedImage> frames) {
        ImageWriter writer = null;
        for (var writers = ImageIO.getImageWritersByFormatName("tiff"); writers.hasNext(); ) {
            ImageWriter candidate = writers.next();
            if (writer == null || candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                writer = candidate; // the JDK's own, as a scanner's TIFF would be standard
            }
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), param);
            }
            writer.endWriteSequence();
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * A decompression bomb: a valid PNG of a few hundred bytes whose header declares {@code width} x {@code height}
     * pixels, and whose one compressed row would inflate without end. Decoding it would take gigabytes.
     */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit grey
        chunk(out, "IHDR", header.array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[64 << 10]); // zeros: rows of white would follow as cheaply
        deflater.finish();
        byte[] compressed = new byte[1 << 12];
        int length = deflater.deflate(compressed);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] write(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
