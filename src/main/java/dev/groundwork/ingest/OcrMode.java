package dev.groundwork.ingest;

/** When pages are read by OCR ({@code groundwork.parse.ocr}). */
public enum OcrMode {
    /** Pages of a PDF without a text layer (or almost none) and images, where the tesseract binary is found. */
    AUTO,
    /** Never: a scan without a text layer is refused with NO_TEXT, an image with UNSUPPORTED_TYPE. */
    OFF,
    /** Every page of a PDF, its text layer set aside (for PDFs whose text layer is garbage), and images. */
    ALWAYS
}
