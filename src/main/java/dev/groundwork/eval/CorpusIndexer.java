package dev.groundwork.eval;

import dev.groundwork.index.ChunkStore;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.DocumentPipeline;
import dev.groundwork.ingest.DocumentPipeline.PreparedDocument;
import dev.groundwork.ingest.FileFacts;
import dev.groundwork.ingest.RejectedDocumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a corpus into a configuration's index through the application's own pipeline (parse or take the text,
 * split, embed, upsert), unless the index already holds this corpus made by this pipeline: a marker file
 * beside the index records the corpus fingerprint and pipeline signature of the last complete build.
 */
final class CorpusIndexer {

    private static final Logger log = LoggerFactory.getLogger(CorpusIndexer.class);

    /** What the index holds and whether it was built now. */
    record Built(long documents, long chunks, int rejected, boolean reused, double seconds) {
    }

    private final DocumentPipeline pipeline;
    private final ChunkStore index;

    CorpusIndexer(DocumentPipeline pipeline, ChunkStore index) {
        this.pipeline = pipeline;
        this.index = index;
    }

    Built ensure(Corpus corpus, Path marker, ProgressBar.Factory bars) {
        long started = System.nanoTime();
        String stamp = corpus.fingerprint() + "\n" + pipeline.signature() + "\n";
        if (stamp.equals(read(marker))) {
            var stats = index.stats();
            // the marker is kept here, the index may live elsewhere (a Solr collection deleted since)
            if (stats.documents() > 0 || corpus.size() == 0) {
                return new Built(stats.documents(), stats.chunks(), 0, true, 0);
            }
            log.info("The index marked as built holds no documents; indexing again");
        }
        // 1. start from nothing: whatever is there was made from another corpus or pipeline
        index.documents().forEach(document -> index.delete(document.id()));
        index.commit();
        // 2. ingest every passage or file
        ProgressBar bar = bars.create("indexing", corpus.size());
        int rejected = corpus instanceof Corpus.Passages passages ? ingestPassages(passages, bar)
                : ingestFolder((Corpus.Folder) corpus, bar);
        bar.finish();
        // 3. commit, then mark the build complete
        index.commit();
        write(marker, stamp);
        var stats = index.stats();
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Indexed {} documents ({} chunks, {} rejected) in {} s", stats.documents(), stats.chunks(), rejected,
                Math.round(seconds));
        return new Built(stats.documents(), stats.chunks(), rejected, false, seconds);
    }

    private int ingestPassages(Corpus.Passages corpus, ProgressBar bar) {
        int rejected = 0;
        Instant now = Instant.now();
        for (Passage passage : corpus.passages()) {
            byte[] bytes = (passage.id() + "\0" + passage.title() + "\0" + passage.text()).getBytes(StandardCharsets.UTF_8);
            FileFacts facts = new FileFacts(bytes.length, sha256(bytes));
            try {
                // The passage id is the file name, so a hit names its passage.
                PreparedDocument prepared = pipeline.prepareText(passage.title(), passage.text(), passage.id(), facts, now);
                index.upsert(prepared.record(), prepared.chunks());
            } catch (RejectedDocumentException e) {
                rejected++;
                log.warn("Passage {} was not indexed: {}", passage.id(), e.getMessage());
            }
            bar.step();
        }
        return rejected;
    }

    private int ingestFolder(Corpus.Folder corpus, ProgressBar bar) {
        int rejected = 0;
        Instant now = Instant.now();
        Map<String, DocumentRecord> byId = new HashMap<>();
        for (String relative : corpus.files()) {
            Path file = corpus.root().resolve(relative);
            try {
                FileFacts facts = FileFacts.of(file);
                DocumentRecord known = byId.get(facts.documentId());
                if (known != null) {
                    // The same bytes under two names are one document, as in the application.
                    List<String> paths = new ArrayList<>(known.paths());
                    paths.add(relative);
                    DocumentRecord both = known.withPaths(paths, known.fileName());
                    index.updateRecord(both);
                    byId.put(both.id(), both);
                } else {
                    PreparedDocument prepared = pipeline.prepare(file, file.getFileName().toString(), facts,
                            List.of(relative), now);
                    index.upsert(prepared.record(), prepared.chunks());
                    byId.put(prepared.record().id(), prepared.record());
                }
            } catch (RejectedDocumentException e) {
                rejected++;
                log.warn("File {} was not indexed: {}", relative, e.getMessage());
            }
            bar.step();
        }
        return rejected;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Corpus.sha256().digest(bytes));
    }

    private static String read(Path marker) {
        try {
            return Files.exists(marker) ? Files.readString(marker) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void write(Path marker, String stamp) {
        try {
            Files.writeString(marker, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + marker, e);
        }
    }
}
