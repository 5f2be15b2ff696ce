package dev.groundwork.bench;

import dev.groundwork.GroundworkApplication;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.TokenCounter;
import dev.groundwork.ingest.DocumentParser;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.sync.FolderSync;
import dev.groundwork.sync.SyncReport;
import dev.groundwork.sync.SyncTrigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Groundwork's ingestion, end to end: the application as it runs (parse workers, splitter, encoder, Lucene index,
 * folder sync), started without its web server, with a source folder the corpus is copied into. Timed is one folder
 * pass over an empty index, from the pass's start until its last commit: parse, split, embed, index, commit. The
 * start-up (model loading, parse workers starting) and a warm-up pass are not timed, as a running service has done
 * them already.
 *
 * <p>Arguments: corpus folder, work folder (emptied), file to write the embedded texts to, then any
 * {@code --groundwork.key=value} settings.
 */
public final class GroundworkIngest {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        Path textsOut = Path.of(args[2]);
        Workdirs.recreate(work);
        List<String> properties = new ArrayList<>(List.of(
                "groundwork.ingest.dir=" + work.resolve("ingest"),
                "groundwork.index.dir=" + work.resolve("index"),
                "groundwork.sync.on-startup=false",
                "groundwork.sync.cron=-",
                "groundwork.sync.sources[0].name=corpus",
                "groundwork.sync.sources[0].dir=" + work.resolve("source"),
                // the bench runs in bench/; the application's prompt files are one folder up
                "groundwork.prompts.dir=" + Path.of("../prompts").toAbsolutePath().normalize(),
                "logging.level.dev.groundwork.ingest.DocumentPipeline=WARN",
                "spring.main.banner-mode=off"));
        for (int i = 3; i < args.length; i++) {
            properties.add(args[i].replaceFirst("^--", ""));
        }
        Files.createDirectories(work.resolve("ingest"));
        Files.createDirectories(work.resolve("source"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GroundworkApplication.class,
                Recording.class).web(WebApplicationType.NONE).properties(properties.toArray(String[]::new)).run()) {
            Recording recording = context.getBean(Recording.class);
            warmUp(context, work);
            copy(corpus, work.resolve("source/corpus"));
            recording.reset();

            java.util.Map<String, Double> cpuBefore = ThreadCpu.snapshot();
            long started = System.nanoTime();
            SyncReport report = context.getBean(FolderSync.class).runNow(SyncTrigger.MANUAL);
            double seconds = (System.nanoTime() - started) / 1e9;
            String cpu = ThreadCpu.between(cpuBefore, ThreadCpu.snapshot());

            IngestionService ingestion = context.getBean(IngestionService.class);
            long chunks = ingestion.stats().chunks();
            List<String> texts = recording.texts();
            TokenCounter counter = recording.tokenCounter();
            int window = recording.maxTokens();
            long tokens = texts.stream().mapToLong(text -> Math.min(window, counter.count(text) + 2)).sum();
            TextsFile.write(textsOut, texts);
            new Result()
                    .put("seconds", seconds)
                    .put("documents", ingestion.stats().documents())
                    .put("failed", report.failedCount())
                    .put("chunks", chunks)
                    .put("embedded", texts.size())
                    .put("tokens", tokens)
                    .put("window", window)
                    .put("embed_seconds", recording.embedNanos() / 1e9)
                    .put("chunks_per_s", chunks / seconds)
                    .put("documents_per_s", ingestion.stats().documents() / seconds)
                    .put("tokens_per_s", tokens / seconds)
                    .put("cpu", cpu)
                    .print();
        }
    }

    /** Warm-up documents: as many as it takes for the JIT to have compiled the pipeline's hot paths. */
    private static final int WARM_UP_DOCUMENTS = Integer.getInteger("bench.warmUpDocuments", 200);

    /**
     * A running service has warm parse workers, a warm encoder and its folder pass compiled by the JIT; so does the
     * measured one: a folder pass over synthetic documents (words unrelated to any corpus) in the source folder, then
     * one that drops them, before the corpus is copied in and the clock starts. With 0 warm-up documents only the
     * parse workers and the encoder are warmed: the first pass after a start, JIT compilation included.
     */
    private static void warmUp(ConfigurableApplicationContext context, Path work) throws Exception {
        Path sample = work.resolve("warm-up.txt");
        Files.writeString(sample, "Warm-up. A sentence or two to parse, split and embed before the clock starts.");
        DocumentParser parser = context.getBean(DocumentParser.class);
        List<CompletableFuture<?>> parses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parses.add(CompletableFuture.runAsync(() -> parser.parse(sample, "warm-up.txt")));
        }
        parses.forEach(CompletableFuture::join);
        Encoder encoder = context.getBean(Encoder.class);
        for (int i = 0; i < 20; i++) {
            encoder.embedAll(List.of("Warm-up text number " + i + " for the encoder, of a modest length."));
        }
        Files.delete(sample);
        if (WARM_UP_DOCUMENTS == 0) {
            return;
        }
        Path dir = Files.createDirectories(work.resolve("source/warm-up"));
        java.util.Random random = new java.util.Random(7);
        String[] words = ("amber basalt cobalt dune ember fjord glacier harbor island jungle kelp lagoon meadow "
                + "nectar orchard prairie quartz reef savanna tundra upland valley wetland xeric yarrow zephyr").split(" ");
        for (int doc = 0; doc < WARM_UP_DOCUMENTS; doc++) {
            StringBuilder text = new StringBuilder("Warm-up document " + doc + "\n\n");
            for (int sentence = 0; sentence < 4 + random.nextInt(12); sentence++) {
                for (int word = 0; word < 6 + random.nextInt(10); word++) {
                    text.append(word == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                }
                text.append(". ");
            }
            Files.writeString(dir.resolve("warm-up-" + doc + (doc % 5 == 0 ? ".md" : ".txt")), text);
        }
        FolderSync sync = context.getBean(FolderSync.class);
        sync.runNow(SyncTrigger.MANUAL);
        Workdirs.delete(dir);
        sync.runNow(SyncTrigger.MANUAL);
        if (context.getBean(IngestionService.class).stats().documents() != 0) {
            throw new IllegalStateException("the warm-up documents were not all dropped");
        }
    }

    /** The corpus, copied into the source folder as it is (same bytes, same relative paths). */
    private static void copy(Path corpus, Path target) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(corpus)) {
            for (Path from : all.toList()) {
                Path to = target.resolve(corpus.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(from)) {
                    Files.copy(from, to);
                }
            }
        }
    }

    /** Puts a recorder in front of the application's encoder: what it embedded and for how long. */
    static class Recording {

        private final List<String> texts = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong embedNanos = new AtomicLong();
        private Encoder delegate;

        @Bean
        @Primary
        Encoder recordingEncoder(@Qualifier("encoder") Encoder encoder) {
            this.delegate = encoder;
            return new RecordingEncoder(encoder, texts, embedNanos);
        }

        void reset() {
            texts.clear();
            embedNanos.set(0);
        }

        List<String> texts() {
            return new ArrayList<>(texts);
        }

        long embedNanos() {
            return embedNanos.get();
        }

        TokenCounter tokenCounter() {
            return delegate.tokenCounter();
        }

        int maxTokens() {
            return delegate.maxTokens();
        }
    }
}
