package dev.groundwork.bench;

import dev.groundwork.GroundworkApplication;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.ingest.MemberPath;
import dev.groundwork.sync.FolderSync;
import dev.groundwork.sync.SyncReport;
import dev.groundwork.sync.SyncTrigger;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What share of a mixed corpus of real files Groundwork indexes: the application as it runs (parse workers, encoder,
 * index, folder sync), with the corpus as a read-only source folder, one sync pass, then each file's outcome.
 *
 * <p>Two figures. <b>Readable, by the corpus's folders</b>: every file outside {@code unsupported_or_binary/} (things a
 * text pipeline should refuse) and {@code pdf_scanned_image_only/} (no text layer; OCR is off), archives included.
 * <b>Readable, holding text</b>: of those, the files from which Tika's full standard parser set (every parser on the
 * class path, external programs aside) extracts text beyond the document's title, and the archives in which it finds
 * such a file; a bomb (by Tika's own rule, {@link TextCheck}) is hostile, not readable. A file outside the measure that Groundwork
 * indexes anyway (OneNote is filed under "unsupported") is listed apart. Every refused file is listed with its code.
 *
 * <p>Arguments: corpus folder, work folder (emptied).
 */
public final class FormatCoverage {

    private static final List<String> NOT_DOCUMENTS = List.of("unsupported_or_binary/", "pdf_scanned_image_only/");
    private static final String SOURCE = "corpus";

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]).toAbsolutePath();
        Workdirs.recreate(work);
        List<String> files = corpusFiles(corpus);
        Map<String, String> outcomes = index(corpus, work);

        List<Row> rows = new ArrayList<>();
        for (String file : files) {
            String outcome = outcomes.getOrDefault(file, "NOT_SEEN");
            boolean folders = NOT_DOCUMENTS.stream().noneMatch(file::startsWith);
            TextCheck text = folders && !outcome.equals("indexed") ? TextCheck.of(corpus.resolve(file), file)
                    : TextCheck.HOLDS_TEXT;
            rows.add(new Row(file, outcome, folders, text));
        }
        print(rows);
    }

    /** The corpus's files, by path relative to it (its index.csv and README aside). */
    private static List<String> corpusFiles(Path corpus) throws Exception {
        try (Stream<Path> all = Files.walk(corpus)) {
            return all.filter(Files::isRegularFile).map(file -> corpus.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> file.contains("/")).sorted().toList();
        }
    }

    /** One sync pass over the corpus; each file's outcome: "indexed", or the code it was refused with. */
    private static Map<String, String> index(Path corpus, Path work) throws Exception {
        Files.createDirectories(work.resolve("ingest"));
        String[] properties = {
                "groundwork.ingest.dir=" + work.resolve("ingest"),
                "groundwork.index.dir=" + work.resolve("index"),
                "groundwork.sync.on-startup=false",
                "groundwork.sync.cron=-",
                "groundwork.sync.sources[0].name=" + SOURCE,
                "groundwork.sync.sources[0].dir=" + corpus,
                "groundwork.sync.sources[0].exclude=index.csv,README.md",
                "groundwork.prompts.dir=" + Path.of("../prompts").toAbsolutePath().normalize(),
                "logging.level.dev.groundwork.ingest=WARN",
                "spring.main.banner-mode=off"};
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GroundworkApplication.class)
                .web(WebApplicationType.NONE).properties(properties).run()) {
            long started = System.nanoTime();
            SyncReport report = context.getBean(FolderSync.class).runNow(SyncTrigger.MANUAL);
            System.err.printf("One sync pass over the corpus: %.1f s%n", (System.nanoTime() - started) / 1e9);
            Map<String, String> outcomes = new HashMap<>();
            String prefix = "//" + SOURCE + "/";
            for (SyncReport.FailedFile failed : report.failed()) {
                if (!MemberPath.isMember(failed.file())) {
                    outcomes.put(failed.file().substring(prefix.length()), failed.code());
                }
            }
            for (DocumentRecord document : context.getBean(IngestionService.class).documents()) {
                document.paths().stream().filter(path -> path.startsWith(prefix) && !MemberPath.isMember(path))
                        .forEach(path -> outcomes.put(path.substring(prefix.length()), "indexed"));
            }
            return outcomes;
        }
    }

    /**
     * What Tika's full standard parser set finds in a file. A document's title is no text of it: an HTML page with a
     * title and an empty body, or a PDF whose pages are blank but whose metadata has a title, has nothing to cite. A
     * file is a bomb when Tika says so, or when all it unpacks passes Tika's own zip-bomb rule (SecureContentHandler:
     * past a million characters, more than 100 per byte of the file) taken over the whole file: the recursive
     * wrapper checks each member alone, which a bomb of many members each under the rule passes.
     */
    enum TextCheck {
        HOLDS_TEXT, NO_TEXT, BOMB;

        private static final long BOMB_THRESHOLD = 1_000_000;
        private static final long BOMB_RATIO = 100;

        static TextCheck of(Path file, String name) {
            AutoDetectParser parser = new AutoDetectParser();
            RecursiveParserWrapper wrapper = new RecursiveParserWrapper(parser);
            RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                    new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, -1), 10_000);
            Metadata metadata = new Metadata();
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
            try (InputStream in = TikaInputStream.get(file, metadata)) {
                wrapper.parse(in, handler, metadata, new ParseContext());
            } catch (Exception e) {
                String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("zip bomb")) {
                    return BOMB;
                }
            }
            List<Metadata> documents = handler.getMetadataList();
            long characters = 0;
            boolean holdsText = false;
            boolean archive = name.startsWith("archives/");
            for (int i = 0; i < documents.size(); i++) {
                String text = documents.get(i).get(TikaCoreProperties.TIKA_CONTENT);
                String exception = documents.get(i).get(TikaCoreProperties.CONTAINER_EXCEPTION);
                if (exception != null && exception.toLowerCase(Locale.ROOT).contains("zip bomb")) {
                    return BOMB;
                }
                characters += text == null ? 0 : text.length();
                // an archive's own text is its entries' names: what counts is the text of what it holds
                if ((i > 0 || !archive) && !(archive && isContainer(documents.get(i)))
                        && !withoutTitle(text, documents.get(i).get(TikaCoreProperties.TITLE)).isBlank()) {
                    holdsText = true;
                }
            }
            try {
                if (characters > BOMB_THRESHOLD && characters > BOMB_RATIO * Files.size(file)) {
                    return BOMB;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return holdsText ? HOLDS_TEXT : NO_TEXT;
        }

        private static String withoutTitle(String text, String title) {
            if (text == null) {
                return "";
            }
            return title == null || title.isBlank() ? text : text.replace(title.strip(), "");
        }

        private static boolean isContainer(Metadata metadata) {
            String type = String.valueOf(metadata.get(Metadata.CONTENT_TYPE));
            return type.contains("zip") || type.contains("tar") || type.contains("gzip") || type.contains("compress");
        }
    }

    record Row(String file, String outcome, boolean inDocumentFolders, TextCheck text) {

        boolean indexed() {
            return outcome.equals("indexed");
        }

        boolean holdsText() {
            return inDocumentFolders && text == TextCheck.HOLDS_TEXT;
        }
    }

    private static void print(List<Row> rows) {
        List<Row> byFolders = rows.stream().filter(Row::inDocumentFolders).toList();
        List<Row> withText = rows.stream().filter(Row::holdsText).toList();
        long archives = byFolders.stream().filter(row -> row.file().startsWith("archives/")).count();
        System.out.println("## Readable files of the mixed corpus indexed");
        System.out.println();
        System.out.printf("%d files; %d outside unsupported_or_binary/ and pdf_scanned_image_only/ (%d archives among"
                + " them).%n%n", rows.size(), byFolders.size(), archives);
        System.out.println("| readable | files | indexed | share |");
        System.out.println("|---|---|---|---|");
        printShare("by the corpus's folders", byFolders);
        printShare("by the corpus's folders, holding text (Tika's full parser set finds some beyond a title; bombs"
                + " aside)", withText);
        System.out.println();
        System.out.println("Refused, of the readable by the corpus's folders:");
        System.out.println();
        System.out.println("| file | code | holds text? |");
        System.out.println("|---|---|---|");
        byFolders.stream().filter(row -> !row.indexed()).forEach(row -> System.out.printf("| %s | %s | %s |%n",
                row.file(), row.outcome(), switch (row.text()) {
                    case HOLDS_TEXT -> "yes";
                    case NO_TEXT -> "no text Tika finds (beyond a title)";
                    case BOMB -> "a bomb, by Tika's rule too";
                }));
        System.out.println();
        List<Row> beyond = rows.stream().filter(row -> !row.inDocumentFolders() && row.indexed()).toList();
        if (!beyond.isEmpty()) {
            System.out.println("Indexed beyond the measure: " + String.join(", ", beyond.stream().map(Row::file).toList()));
        }
        Map<String, Long> codes = new TreeMap<>();
        rows.stream().filter(row -> !row.inDocumentFolders() && !row.indexed())
                .forEach(row -> codes.merge(row.outcome(), 1L, Long::sum));
        System.out.println("Refused outside the measure: " + codes);
    }

    private static void printShare(String what, List<Row> rows) {
        long indexed = rows.stream().filter(Row::indexed).count();
        System.out.printf("| %s | %d | %d | %.1f%% |%n", what, rows.size(), indexed, 100.0 * indexed / rows.size());
    }
}
