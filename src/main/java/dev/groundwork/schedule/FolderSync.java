package dev.groundwork.schedule;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestFolder;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.ingest.IngestionService.IngestOutcome;
import dev.groundwork.ingest.RejectedDocumentException;
import dev.groundwork.schedule.SyncReport.FailedFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings the index in line with the ingest folder: new and changed files are indexed, moved files keep their
 * chunks under the new path, and documents whose files are gone are removed. It runs in the background at
 * start-up, so the service answers while a missing or new index is (re)built.
 */
@Component
public class FolderSync {

    private static final Logger log = LoggerFactory.getLogger(FolderSync.class);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final IngestFolder folder;
    private final IngestionService ingestion;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicReference<SyncReport> lastReport = new AtomicReference<>();

    FolderSync(IngestFolder folder, IngestionService ingestion) {
        this.folder = folder;
        this.ingestion = ingestion;
    }

    @EventListener(ApplicationReadyEvent.class)
    void syncInBackground() {
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.error("Start-up sync of the ingest folder failed: {}", e.getMessage(), e);
            }
        }, "folder-sync");
        thread.setDaemon(true);
        thread.start();
    }

    public Optional<SyncReport> lastReport() {
        return Optional.ofNullable(lastReport.get());
    }

    /** One pass over the folder; a second caller waits for the first to finish. */
    public SyncReport run() {
        oneAtATime.lock();
        try {
            SyncReport report = sync();
            lastReport.set(report);
            return report;
        } finally {
            oneAtATime.unlock();
        }
    }

    private SyncReport sync() {
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        // 1. what the index holds, by path
        Map<String, DocumentRecord> indexedByPath = new HashMap<>();
        for (DocumentRecord document : ingestion.documents()) {
            document.paths().forEach(path -> indexedByPath.put(path, document));
        }
        // 2. index every file that is new, changed or moved
        List<Path> files = folder.documentFiles();
        Set<String> onDisk = new HashSet<>();
        Counts counts = new Counts();
        List<FailedFile> failed = new ArrayList<>();
        long lastProgress = System.nanoTime();
        for (Path file : files) {
            String path = folder.relative(file);
            onDisk.add(path);
            try {
                IngestOutcome outcome = ingestion.ingestFile(path, indexedByPath.get(path));
                counts.count(outcome.change());
            } catch (RejectedDocumentException e) {
                failed.add(new FailedFile(path, e.reason().name(), e.getMessage()));
                log.warn("Cannot index {}: {} ({})", path, e.reason(), e.getMessage());
            } catch (RuntimeException e) {
                failed.add(new FailedFile(path, "INDEXING_FAILED", e.getMessage()));
                log.warn("Cannot index {}: {}", path, e.getMessage());
            }
            if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                log.info("Ingest folder sync: {} of {} files done", onDisk.size(), files.size());
                lastProgress = System.nanoTime();
            }
        }
        // 3. forget files that are gone
        for (Map.Entry<String, DocumentRecord> entry : indexedByPath.entrySet()) {
            if (!onDisk.contains(entry.getKey())) {
                ingestion.forgetPath(entry.getValue(), entry.getKey());
                counts.removed++;
            }
        }
        SyncReport report = new SyncReport(startedAt, Duration.ofNanos(System.nanoTime() - started), files.size(),
                counts.added, counts.updated, counts.moved, counts.removed, counts.unchanged, failed);
        log.info("Ingest folder sync: {} files seen, {} added, {} updated, {} moved, {} removed, {} unchanged, "
                        + "{} failed, in {} ms", report.seen(), report.added(), report.updated(), report.moved(),
                report.removed(), report.unchanged(), failed.size(), report.took().toMillis());
        return report;
    }

    private static final class Counts {
        int added;
        int updated;
        int moved;
        int removed;
        int unchanged;

        void count(IngestionService.Change change) {
            switch (change) {
                case CREATED -> added++;
                case REPLACED -> updated++;
                case PATH_ADDED -> moved++;
                case KNOWN -> unchanged++;
            }
        }
    }
}
