package dev.groundwork.sync;

import dev.groundwork.sync.SyncReport.FailedFile;
import dev.groundwork.sync.SyncReport.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a pass has found and done so far; written by the pass, read by whoever asks for the status. */
final class PassCounts {

    private int seen;
    private int added;
    private int updated;
    private int moved;
    private int removed;
    private int unchanged;
    private int filesDone;
    private int filesTotal;
    private long bytesDone;
    private long bytesTotal;
    private long indexingStartedNanos;
    private final Map<String, FailedFile> failed = new LinkedHashMap<>();

    synchronized void listed(int files, long bytes) {
        filesTotal = files;
        bytesTotal = bytes;
        indexingStartedNanos = System.nanoTime();
    }

    synchronized void seen() {
        seen++;
    }

    synchronized void added(int count) {
        added += count;
    }

    synchronized void updated() {
        updated++;
    }

    synchronized void moved(int count) {
        moved += count;
    }

    synchronized void removed(int count) {
        removed += count;
    }

    synchronized void unchanged() {
        unchanged++;
    }

    synchronized void done(long bytes) {
        filesDone++;
        bytesDone += bytes;
    }

    synchronized void failed(FailedFile file) {
        failed.put(file.file(), file);
    }

    synchronized List<FailedFile> failures() {
        return new ArrayList<>(failed.values());
    }

    /** Adds what a catch-up pass changed; its failures, being the later look at the files, replace these. */
    synchronized void addChanges(PassCounts later) {
        synchronized (later) {
            added += later.added;
            updated += later.updated;
            moved += later.moved;
            removed += later.removed;
            failed.clear();
            failed.putAll(later.failed);
        }
    }

    synchronized SyncReport report(SyncRun run, long durationMs, boolean running) {
        Long eta = null;
        if (running && bytesDone > 0 && bytesDone < bytesTotal) {
            double elapsed = (System.nanoTime() - indexingStartedNanos) / 1e9;
            eta = Math.round(elapsed * (bytesTotal - bytesDone) / bytesDone);
        }
        double percent = bytesTotal > 0 ? 100.0 * bytesDone / bytesTotal
                : filesTotal > 0 ? 100.0 * filesDone / filesTotal : (running ? 0 : 100);
        Progress progress = new Progress(filesDone, filesTotal, bytesDone, bytesTotal, Math.round(percent * 10) / 10.0);
        List<FailedFile> failures = new ArrayList<>(failed.values());
        return new SyncReport(run.number(), run.trigger(), run.mode(), run.phase(), run.startedAt(), run.finishedAt(),
                durationMs, seen, added, updated, moved, removed, unchanged, failures.size(), failures, progress, eta,
                run.error());
    }
}
