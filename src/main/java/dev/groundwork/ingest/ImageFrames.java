package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.mime.MediaType;

/**
 * The frames of an image file and their sizes, read from its header alone: a "decompression bomb" declares its size
 * there, so it is refused before a byte of it is decoded. PNG, JPEG and TIFF through the JDK's readers, WebP from its
 * own header (the JDK has no WebP reader; Tesseract decodes it). Only a TIFF of several frames is decoded here, frame
 * by frame, since Tesseract reads a whole file at once.
 */
final class ImageFrames {

    /** A TIFF lists its frames one after the other; past this many it is not an image to read. */
    private static final int MAX_FRAMES = 100_000;

    private final Path file;
    private final long[] pixels;

    private ImageFrames(Path file, long[] pixels) {
        this.file = file;
        this.pixels = pixels;
    }

    static ImageFrames of(Path file, MediaType type) throws IOException {
        String name = type.getBaseType().toString();
        if ("image/webp".equals(name)) {
            return new ImageFrames(file, new long[] {webpPixels(file)});
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, false, false);
                int count = reader.getNumImages(true);
                if (count < 1 || count > MAX_FRAMES) {
                    throw malformed();
                }
                long[] sizes = new long[count];
                for (int i = 0; i < count; i++) {
                    sizes[i] = (long) reader.getWidth(i) * reader.getHeight(i);
                }
                return new ImageFrames(file, sizes);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedDocumentException rejected) {
                throw rejected;
            }
            throw malformed();
        }
    }

    int count() {
        return pixels.length;
    }

    long pixels(int frame) {
        return pixels[frame];
    }

    /** Whether Tesseract reads the file itself: one frame of a type it decodes. */
    boolean singleFile() {
        return pixels.length == 1;
    }

    /** One frame of a TIFF, decoded (its size was checked before). */
    BufferedImage decode(int frame) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, false, false);
                return reader.read(frame);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader reader(ImageInputStream in) throws IOException {
        if (in == null) {
            throw malformed();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            // the JDK's own reader first: others on the class path (jai-imageio, which Tika brings) read less
            if (chosen == null || reader.getClass().getName().startsWith("com.sun.imageio.")) {
                chosen = reader;
            }
        }
        if (chosen == null) {
            throw malformed();
        }
        return chosen;
    }

    /**
     * A WebP's size from its RIFF header: the canvas of an extended file (VP8X), or the frame of a simple lossy (VP8)
     * or lossless (VP8L) one.
     */
    static long webpPixels(Path file) throws IOException {
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(30);
        }
        if (header.length < 30 || !ascii(header, 0, "RIFF") || !ascii(header, 8, "WEBP")) {
            throw malformed();
        }
        if (ascii(header, 12, "VP8X")) {
            long width = 1 + (u8(header, 24) | u8(header, 25) << 8 | u8(header, 26) << 16);
            long height = 1 + (u8(header, 27) | u8(header, 28) << 8 | u8(header, 29) << 16);
            return width * height;
        }
        if (ascii(header, 12, "VP8L")) {
            int bits = u8(header, 21) | u8(header, 22) << 8 | u8(header, 23) << 16 | u8(header, 24) << 24;
            long width = 1 + (bits & 0x3FFF);
            long height = 1 + ((bits >>> 14) & 0x3FFF);
            return width * height;
        }
        if (ascii(header, 12, "VP8 ")) {
            long width = (u8(header, 26) | u8(header, 27) << 8) & 0x3FFF;
            long height = (u8(header, 28) | u8(header, 29) << 8) & 0x3FFF;
            return width * height;
        }
        throw malformed();
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] bytes, int at) {
        return bytes[at] & 0xFF;
    }

    private static RejectedDocumentException malformed() {
        return new RejectedDocumentException(Reason.MALFORMED, "The image could not be read: it is damaged, cut "
                + "short, or not what its type says.");
    }
}
