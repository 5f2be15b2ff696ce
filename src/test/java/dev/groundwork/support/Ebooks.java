package dev.groundwork.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * EPUB 2 books made on the fly, as an e-book tool writes them: the stored {@code mimetype} first, a container file, an
 * OPF package whose metadata names a cover image, a cover page that shows it (an SVG wrapper, as Calibre writes), a
 * chapter, a table of contents, and, when asked, an embedded font that is obfuscated (listed in
 * {@code META-INF/encryption.xml} with the IDPF's algorithm) or a chapter that is really encrypted.
 */
public final class Ebooks {

    /** How the book uses {@code META-INF/encryption.xml}. */
    public enum Encryption {
        /** No such file: the usual book without DRM. */
        NONE,
        /** Its font is obfuscated with the IDPF's font mangling, as publishers' tools do: no DRM. */
        OBFUSCATED_FONT,
        /** Its chapter is encrypted with AES: DRM. */
        ENCRYPTED_CHAPTER
    }

    private Ebooks() {
    }

    /** An EPUB 2 with a cover and one chapter holding {@code chapterText}. */
    public static byte[] epub2WithCover(String title, String chapterText, Encryption encryption) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, "mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            deflated(zip, "META-INF/container.xml", """
                    <?xml version="1.0"?>
                    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                      <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
                    </container>""");
            if (encryption != Encryption.NONE) {
                boolean font = encryption == Encryption.OBFUSCATED_FONT;
                deflated(zip, "META-INF/encryption.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
                                    xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
                          <enc:EncryptedData>
                            <enc:EncryptionMethod Algorithm="%s"/>
                            <enc:CipherData><enc:CipherReference URI="%s"/></enc:CipherData>
                          </enc:EncryptedData>
                        </encryption>""".formatted(
                        font ? "http://www.idpf.org/2008/embedding" : "http://www.w3.org/2001/04/xmlenc#aes128-cbc",
                        font ? "OEBPS/fonts/serif.otf" : "OEBPS/chapter1.xhtml"));
            }
            deflated(zip, "OEBPS/content.opf", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <package xmlns="http://www.idpf.org/2007/opf" unique-identifier="bookid" version="2.0">
                      <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                        <dc:title>%s</dc:title>
                        <dc:creator opf:role="aut">A. Writer</dc:creator>
                        <dc:language>en</dc:language>
                        <dc:identifier id="bookid">urn:uuid:5b2c4d1e-0000-4000-8000-000000000001</dc:identifier>
                        <meta name="cover" content="cover-image"/>
                      </metadata>
                      <manifest>
                        <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
                        <item id="cover-image" href="images/cover.jpg" media-type="image/jpeg"/>
                        <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
                        <item id="chapter1" href="chapter1.xhtml" media-type="application/xhtml+xml"/>
                        <item id="font" href="fonts/serif.otf" media-type="application/vnd.ms-opentype"/>
                      </manifest>
                      <spine toc="ncx">
                        <itemref idref="cover" linear="no"/>
                        <itemref idref="chapter1"/>
                      </spine>
                      <guide><reference type="cover" title="Cover" href="cover.xhtml"/></guide>
                    </package>""".formatted(title));
            deflated(zip, "OEBPS/toc.ncx", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
                      <head><meta name="dtb:uid" content="urn:uuid:5b2c4d1e-0000-4000-8000-000000000001"/></head>
                      <docTitle><text>%s</text></docTitle>
                      <navMap><navPoint id="n1" playOrder="1"><navLabel><text>Chapter One</text></navLabel>
                        <content src="chapter1.xhtml"/></navPoint></navMap>
                    </ncx>""".formatted(title));
            deflated(zip, "OEBPS/cover.xhtml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Cover</title></head>
                    <body><div><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
                      version="1.1" width="100%" height="100%" viewBox="0 0 60 80">
                      <image width="60" height="80" xlink:href="images/cover.jpg"/></svg></div></body></html>""");
            deflated(zip, "OEBPS/chapter1.xhtml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter One</title></head>
                    <body><h1>Chapter One</h1><p>%s</p></body></html>""".formatted(chapterText));
            stored(zip, "OEBPS/images/cover.jpg", coverJpeg());
            stored(zip, "OEBPS/fonts/serif.otf", new byte[] {0x4f, 0x54, 0x54, 0x4f, 0, 1, 2, 3, 4, 5, 6, 7});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] coverJpeg() throws IOException {
        BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0x336699);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);
        return jpeg.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void deflated(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
