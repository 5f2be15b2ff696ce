package dev.groundwork.ingest;

import dev.groundwork.text.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a document is, told in every one of its chunks (in the text the encoder embeds and the text BM25 searches)
 * and shown with its citations: a page of a balance sheet looks the same for two companies and two years until
 * it says whose and which.
 *
 * @param title the document's title: its metadata title when that looks like one, else its first heading, else
 *              its file name in words
 * @param about what else tells it apart, apart by " · ": its file name in words ({@code ACME_2022_10K.pdf} ->
 *              {@code ACME 2022 10K}) unless the title says it all or the name says nothing ({@code scan0001.pdf}),
 *              and, for a long document, what its first pages say about it (organisation, kind, period); short
 *              documents have every chunk hold most of their text anyway
 */
public record DocumentIdentity(String title, String about) {

    /** A document shorter than this (two or three chunks) is not described from its first pages: its chunks hold most of it. */
    static final int DESCRIBED_FROM_CHARS = 3_000;
    private static final int MAX_TITLE_CHARS = 300;
    private static final String UNTITLED = "Untitled";
    private static final Set<String> PLACEHOLDER_TITLES = Set.of("untitled", "untitled document", "document",
            "powerpoint presentation", "presentation", "slide 1", "title", "microsoft word document", "no title");
    private static final Pattern FILE_EXTENSION = Pattern.compile("(?i)\\.[a-z][a-z0-9]{1,4}$");
    private static final Pattern TAR_EXTENSION = Pattern.compile("(?i)\\.tar$");
    private static final Pattern WORD_BREAKS = Pattern.compile("[_\\s]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=[^\\d])-|-(?=[^\\d])");
    /** A hash, a UUID or a camera's counter: a name that names nothing. */
    private static final Pattern MEANINGLESS_NAME = Pattern.compile(
            "(?i)[0-9a-f]{12,}|[0-9a-f-]{32,}|(?:img|dsc|scan|image|doc|document|file|untitled)[ _-]?\\d*");

    public DocumentIdentity {
        Objects.requireNonNull(title, "title");
        about = about == null ? "" : about;
    }

    /**
     * The identity of a parsed document.
     *
     * @param fileName the name the document was uploaded or found under
     */
    static DocumentIdentity of(ParsedDocument document, String fileName) {
        String fileWords = fileWords(fileName);
        String title = chooseTitle(document, fileName);
        List<String> about = new ArrayList<>();
        if (saysMore(fileWords, title)) {
            about.add(fileWords);
        }
        String wholeText = wholeText(document);
        if (wholeText.length() >= DESCRIBED_FROM_CHARS) {
            String described = SelfDescription.describe(document, wholeText);
            if (!described.isEmpty()) {
                about.add(described);
            }
        }
        return new DocumentIdentity(title, String.join(" · ", about));
    }

    /** Title and what else tells the document apart: what leads every chunk, for the encoder and for BM25. */
    public String context() {
        return about.isEmpty() ? title : title + " · " + about;
    }

    /**
     * The metadata title when it looks like a title, else the first heading, else the file name in words. A title
     * written like a file name ({@code F20_10K_VFinal}) is put in words; one without letters (an SEC accession
     * number, {@code 0000320193-23-000077}) or a placeholder ("Untitled") is no title.
     */
    private static String chooseTitle(ParsedDocument document, String fileName) {
        for (String candidate : List.of(document.title(), firstHeading(document))) {
            String title = asTitle(candidate, fileName);
            if (!title.isEmpty()) {
                return cut(title);
            }
        }
        // a member's own name, not its archive's: "q3.pdf" in docs.zip/reports/q3.pdf
        String ownName = ownName(fileName);
        String ownWords = nameWords(ownName);
        return cut(!ownWords.isEmpty() ? ownWords : !ownName.isBlank() ? ownName : UNTITLED);
    }

    /** A member's own name, the last segment of {@code archive.zip/inner/report.pdf}; a file's name is its own. */
    private static String ownName(String fileName) {
        return fileName.substring(fileName.lastIndexOf('/') + 1);
    }

    private static String asTitle(String candidate, String fileName) {
        String title = candidate == null ? "" : PlainTextStructure.collapse(candidate);
        if (title.startsWith("Microsoft Word - ")) {
            title = title.substring("Microsoft Word - ".length());
        }
        if (title.equals(fileName) || (!title.contains(" ") && (title.contains("_") || FILE_EXTENSION.matcher(title).find()))) {
            title = words(title);
        }
        long letters = title.chars().filter(Character::isLetter).count();
        if (letters < 2 || letters * 3 < title.replace(" ", "").length() || PLACEHOLDER_TITLES.contains(title.toLowerCase(Locale.ROOT))) {
            return "";
        }
        return title;
    }

    private static String firstHeading(ParsedDocument document) {
        for (ParsedDocument.ParsedPage page : document.pages()) {
            for (ParsedDocument.TextBlock block : page.blocks()) {
                if (block.heading()) {
                    return page.text().substring(block.start(), block.end());
                }
            }
        }
        return "";
    }

    /**
     * The file name without its extension, in words; empty when it names nothing (a hash, {@code scan0001}). A member
     * of an archive or mailbox is named by its path ({@code old/2025.zip/minutes/june_board.pdf}): each segment in
     * words, those that name nothing (a message's number) left out, {@code old / 2025 / minutes / june board}.
     */
    static String fileWords(String fileName) {
        List<String> segments = new ArrayList<>();
        for (String segment : fileName.split("/")) {
            String words = nameWords(segment);
            if (!words.isEmpty()) {
                segments.add(words);
            }
        }
        return String.join(" / ", segments);
    }

    private static String nameWords(String name) {
        String words = words(name);
        return MEANINGLESS_NAME.matcher(words.replace(" ", "")).matches() || words.chars().filter(Character::isLetter).count() < 2
                ? "" : words;
    }

    private static String words(String name) {
        String base = FILE_EXTENSION.matcher(name.strip()).replaceFirst("");
        base = TAR_EXTENSION.matcher(base).replaceFirst(""); // backup.tar.gz is "backup"
        return PlainTextStructure.collapse(String.join(" ", WORD_BREAKS.split(base)));
    }

    /** Whether the file words hold a word the title does not. */
    private static boolean saysMore(String fileWords, String title) {
        Set<String> titleWords = new LinkedHashSet<>(List.of(title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
        for (String word : fileWords.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !titleWords.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String wholeText(ParsedDocument document) {
        StringBuilder text = new StringBuilder();
        document.pages().forEach(page -> text.append(page.text()).append('\n'));
        return text.toString();
    }

    private static String cut(String title) {
        String blank = Texts.isBlank(title) ? "" : title;
        return blank.length() > MAX_TITLE_CHARS ? blank.substring(0, MAX_TITLE_CHARS) : blank;
    }
}
