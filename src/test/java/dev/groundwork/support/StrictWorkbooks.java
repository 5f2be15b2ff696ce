package dev.groundwork.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Spreadsheets saved as "Strict Open XML" (ISO/IEC 29500 Strict), built by hand: POI writes only the transitional
 * form. One sheet of rows, its text in the shared strings table as Excel writes it, the strict namespaces and
 * relationship types throughout.
 */
public final class StrictWorkbooks {

    private static final String MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private static final String RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private StrictWorkbooks() {
    }

    /** A strict workbook of one sheet named {@code sheetName}, one row per array, each cell a string. */
    public static byte[] of(String sheetName, List<String[]> rows) {
        List<String> strings = rows.stream().flatMap(java.util.Arrays::stream).distinct().toList();
        StringBuilder sheetRows = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            sheetRows.append("<row r=\"").append(r + 1).append("\">");
            String[] cells = rows.get(r);
            for (int c = 0; c < cells.length; c++) {
                sheetRows.append("<c r=\"").append((char) ('A' + c)).append(r + 1).append("\" t=\"s\"><v>")
                        .append(strings.indexOf(cells[c])).append("</v></c>");
            }
            sheetRows.append("</row>");
        }
        StringBuilder shared = new StringBuilder();
        strings.forEach(text -> shared.append("<si><t>").append(escape(text)).append("</t></si>"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            part(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    </Types>""");
            part(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""".formatted(RELATIONSHIPS));
            part(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="%s" xmlns:r="%s" conformance="strict">
                    <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>""".formatted(MAIN, RELATIONSHIPS, escape(sheetName)));
            part(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="%1$s/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="%1$s/sharedStrings" Target="sharedStrings.xml"/>
                    </Relationships>""".formatted(RELATIONSHIPS));
            part(zip, "xl/worksheets/sheet1.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>""".formatted(MAIN, sheetRows));
            part(zip, "xl/sharedStrings.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>""".formatted(MAIN, strings.size(),
                    strings.size(), shared));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
