package dev.groundwork.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lucene directory's writer and searchers, and their recovery: a write that fails (a full disk) discards every
 * change not yet committed and reopens writer and searchers at the last commit. Searches go on throughout, nothing
 * committed is lost, and writes work again once the cause is gone. A thread whose uncommitted writes were discarded
 * that way learns it from its own commit, which fails, rather than report as durable changes that are gone.
 */
final class RecoveringIndexWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RecoveringIndexWriter.class);

    /** A change to the index, made with the current writer. */
    @FunctionalInterface
    interface WriterWork {
        void apply(IndexWriter writer) throws IOException;
    }

    /** A read of the index, on a searcher of its latest refresh. */
    @FunctionalInterface
    interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /**
     * The writer and searchers of one stretch of the directory's life, numbered from 1. After a failed write the
     * writer is rolled back to the last commit and a new session takes over; the writer is null while it cannot be
     * reopened (a full disk), when searches are served from the last commit.
     */
    private record Session(long number, IndexWriter writer, SearcherManager searchers) {
    }

    private final Path path;
    private final Directory directory;
    /** A new config for each writer: Lucene does not let two writers share one. */
    private final Supplier<IndexWriterConfig> configs;
    /** Writes hold it shared; replacing the session after a failed write holds it exclusively. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile Session current;
    /**
     * The session this thread has written into since its last commit. A failed write anywhere discards every change
     * not yet committed, other threads' too; their commit must then fail. Callers write and commit on one thread
     * (see ChunkStore).
     */
    private final ThreadLocal<Long> uncommitted = new ThreadLocal<>();

    RecoveringIndexWriter(Path path, Directory directory, Supplier<IndexWriterConfig> configs) throws IOException {
        this.path = path;
        this.directory = directory;
        this.configs = configs;
        IndexWriter writer = new IndexWriter(directory, configs.get());
        if (!DirectoryReader.indexExists(directory)) {
            writer.commit(); // a first, empty commit: searches can always fall back on the last commit
        }
        this.current = new Session(1, writer, new SearcherManager(writer, null));
    }

    /**
     * Runs a write on the current writer. If it fails, every change not yet committed is discarded and the writer
     * reopened at the last commit, so the index never keeps half of anything (see {@link #discard}).
     */
    void write(WriterWork work, String what) {
        run(session -> work.apply(session.writer()), what);
    }

    @FunctionalInterface
    private interface SessionWork {
        void apply(Session session) throws IOException;
    }

    private void run(SessionWork work, String what) {
        while (true) {
            reopenIfReadOnly(what);
            Exception failure;
            gate.readLock().lock();
            Session session = current;
            try {
                if (session.writer() == null) {
                    continue; // lost again since reopenIfReadOnly: try once more (it throws if it cannot reopen)
                }
                work.apply(session);
                // The first session written since the last commit: a caller that writes several times before it
                // commits (a folder pass) must learn at its commit that any of its writes were discarded.
                if (uncommitted.get() == null) {
                    uncommitted.set(session.number());
                }
                return;
            } catch (ChangesLostException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                failure = e;
            } finally {
                gate.readLock().unlock();
            }
            discard(session, failure);
            throw writeFailed(what, failure);
        }
    }

    /**
     * Makes every write so far durable with {@code userData} added to the commit's data (and the time), and visible to
     * searches.
     *
     * @throws IndexUnavailableException when this thread's writes since its last commit were discarded
     */
    void commit(Map<String, String> userData) {
        Long written = uncommitted.get();
        uncommitted.remove();
        run(session -> {
            if (written != null && written != session.number()) {
                throw new ChangesLostException();
            }
            IndexWriter writer = session.writer();
            Map<String, String> data = new HashMap<>(liveCommitData(writer));
            data.putAll(userData);
            data.put("committedAt", Instant.now().toString());
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            try {
                session.searchers().maybeRefreshBlocking();
            } catch (IOException | RuntimeException e) {
                log.warn("Index committed, but searches could not be refreshed yet: {}", e.getMessage());
            }
        }, "commit");
        uncommitted.remove();
    }

    /** The user data of the last commit. */
    Map<String, String> committedUserData() {
        Session session = current;
        if (session.writer() != null) {
            return liveCommitData(session.writer());
        }
        try {
            return new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IOException e) {
            throw new IndexUnavailableException("Cannot read the last commit of the index: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> liveCommitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    /** Runs a read on a searcher of the latest refresh, acquired and released around it. */
    <T> T search(SearchWork<T> work, String what) {
        for (int attempt = 1; ; attempt++) {
            SearcherManager manager = current.searchers();
            IndexSearcher searcher;
            try {
                searcher = manager.acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 5) {
                    continue; // replaced by a new session meanwhile
                }
                throw new IndexUnavailableException("Index failed to " + what + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new IndexUnavailableException("Index failed to " + what + ": " + e.getMessage(), e);
            }
            try {
                return work.apply(searcher);
            } catch (IOException | RuntimeException e) {
                throw new IndexUnavailableException("Index failed to " + what + ": " + e.getMessage(), e);
            } finally {
                try {
                    manager.release(searcher);
                } catch (IOException e) {
                    log.debug("Releasing a searcher: {}", e.getMessage());
                }
            }
        }
    }

    /** Brings searches up to date with writes not yet committed, if there are any; never fails. */
    void refresh() {
        try {
            current.searchers().maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.debug("Index refresh failed: {}", e.getMessage());
        }
    }

    /**
     * Rolls the failed session's writer back to the last commit and opens a new one. Lucene closes a writer itself
     * after a "tragic" failure (a full disk while flushing, say); a writer that survived a failed commit still holds
     * the uncommitted changes of every thread, which would otherwise go out with the next commit of someone else.
     * Searches keep using the old session's searchers until they are replaced.
     */
    private void discard(Session failed, Exception cause) {
        gate.writeLock().lock();
        try {
            if (current != failed) {
                return; // another thread already did
            }
            log.warn("Index write failed ({}); changes not yet committed are discarded and the index reopened at its "
                    + "last commit", rootMessage(cause));
            try {
                failed.writer().rollback();
            } catch (IOException | RuntimeException e) {
                log.debug("Rollback of the failed index writer: {}", e.getMessage());
            }
            current = reopen(failed.number() + 1, failed.searchers());
            if (current.searchers() != failed.searchers()) {
                closeQuietly(failed.searchers());
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** A new writer on the last commit, or, when none can be opened now, searchers on the last commit alone. */
    private Session reopen(long number, SearcherManager fallback) {
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(directory, configs.get());
            return new Session(number, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            log.warn("The index writer cannot be reopened yet ({}); searches use the last commit", rootMessage(e));
            if (writer != null) {
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException ignored) {
                    // it never wrote anything
                }
            }
        }
        try {
            return new Session(number, null, new SearcherManager(directory, null));
        } catch (IOException | RuntimeException e) {
            log.warn("The last commit of the index cannot be opened ({}); searches use what they had", rootMessage(e));
            return new Session(number, null, fallback);
        }
    }

    /** After a failure that left no writer, the next write tries to open one (space may have been freed). */
    private void reopenIfReadOnly(String what) {
        if (current.writer() != null) {
            return;
        }
        gate.writeLock().lock();
        try {
            Session readOnly = current;
            if (readOnly.writer() != null) {
                return;
            }
            IndexWriter writer;
            SearcherManager searchers;
            try {
                writer = new IndexWriter(directory, configs.get());
            } catch (IOException | RuntimeException e) {
                throw writeFailed(what, e);
            }
            try {
                searchers = new SearcherManager(writer, null);
            } catch (IOException | RuntimeException e) {
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException ignored) {
                    // nothing was written
                }
                throw writeFailed(what, e);
            }
            current = new Session(readOnly.number() + 1, writer, searchers);
            closeQuietly(readOnly.searchers());
            log.info("Index writer reopened at {}", path);
        } finally {
            gate.writeLock().unlock();
        }
    }

    private RuntimeException writeFailed(String what, Exception e) {
        if (StorageFullException.isCause(e, path)) {
            return new StorageFullException("The disk holding the index is full: could not " + what
                    + ". Searches still work; free some space and try again.", e);
        }
        return new IndexUnavailableException("Index failed to " + what + ": " + rootMessage(e), e);
    }

    private static void closeQuietly(SearcherManager searchers) {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing old searchers: {}", e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Closes the writer, committing what it holds, or rolls it back when the commit fails. */
    @Override
    public void close() throws IOException {
        gate.writeLock().lock();
        try {
            Session last = current;
            closeQuietly(last.searchers());
            if (last.writer() != null) {
                try {
                    last.writer().close();
                } catch (IOException | RuntimeException e) {
                    log.warn("Index at {} could not commit on close ({}); it reopens at its last commit", path,
                            rootMessage(e));
                    last.writer().rollback();
                }
            }
        } finally {
            gate.writeLock().unlock();
            directory.close();
        }
    }

    /** Changes this thread wrote were discarded before it committed them. */
    private static final class ChangesLostException extends IndexUnavailableException {
        ChangesLostException() {
            super("An earlier write to the index failed and the changes to commit were discarded with it; "
                    + "nothing of them was kept.", null);
        }
    }
}
