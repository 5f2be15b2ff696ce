package dev.groundwork.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunk index as a series of generations: {@code <index dir>/gen-000001/}, {@code gen-000002/}, ... each a
 * whole Lucene index, and {@code <index dir>/CURRENT} naming the one that serves. A rebuild fills the next
 * generation while the current one keeps serving, then {@link #switchTo switches}: the pointer file is replaced
 * atomically (so a restart opens one generation or the other, never a mix) and searches move over without an error:
 * every call runs on one generation, and the switch waits for the calls in progress. On failure the next generation
 * is {@link #discard discarded} and the old one stays.
 *
 * <p>Each generation records in its commit data the pipeline signature it was built with ({@link #builtWith}).
 * While the serving generation was built by another encoder, its vectors cannot be compared with the configured
 * encoder's: vector search is then unavailable (text search still works) and new chunks are written without
 * vectors, until the rebuilt generation switches in.
 */
public final class GenerationalChunkIndex implements ChunkIndex, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GenerationalChunkIndex.class);
    static final String POINTER = "CURRENT";
    static final String PIPELINE = "pipeline";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6})");
    /** Files of an index written straight into the index folder, before generations. */
    private static final Pattern LEGACY_FILE = Pattern.compile("segments.*|pending_segments.*|_.*|write\\.lock");

    private final Path root;
    private final IndexSettings settings;
    /** Shared by every call on the serving generation, exclusive for the moment of a switch. */
    private final ReentrantReadWriteLock switching = new ReentrantReadWriteLock();
    private volatile Generation serving;
    private volatile boolean vectorsComparable = true;
    private Generation next;

    /** One Lucene index of the series. */
    public static final class Generation {
        private final String name;
        private final LuceneChunkIndex index;

        private Generation(String name, LuceneChunkIndex index) {
            this.name = name;
            this.index = index;
        }

        public String name() {
            return name;
        }

        /** The generation's own index, to fill before it is switched in. */
        public ChunkIndex index() {
            return index;
        }
    }

    public GenerationalChunkIndex(IndexSettings settings) {
        this.settings = settings;
        this.root = settings.dir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            String current = readPointer().orElseGet(this::adoptLegacyOrStart);
            removeGenerationsOtherThan(current);
            this.serving = open(current);
            writePointer(current);
        } catch (IOException e) {
            throw new IndexUnavailableException("Cannot open the index at " + root + ": " + e.getMessage(), e);
        }
    }

    // ---- generations

    /** The pipeline signature the serving generation was built with, when it records one. */
    public Optional<String> builtWith() {
        return Optional.ofNullable(committedUserData().get(PIPELINE));
    }

    /** Records that the serving generation holds what {@code pipeline} makes (it is empty, or all of it was). */
    public void adopt(String pipeline) {
        commit(Map.of(PIPELINE, pipeline));
        log.info("Index generation {} is recorded as built with the configured pipeline", serving.name);
    }

    /** Whether the serving generation's vectors can be compared with the configured encoder's (see class notes). */
    public void vectorsComparable(boolean comparable) {
        this.vectorsComparable = comparable;
        serving.index.writeVectors(comparable);
    }

    /** The serving generation's name. */
    public String generation() {
        return serving.name;
    }

    /** Starts an empty next generation, private to the caller until {@link #switchTo} or {@link #discard}. */
    public synchronized Generation startNext() {
        if (next != null) {
            throw new IllegalStateException("Generation " + next.name + " is already being built");
        }
        String name = nameOf(highestGeneration() + 1);
        try {
            next = open(name);
        } catch (IOException e) {
            throw new IndexUnavailableException("Cannot start index generation " + name + ": " + e.getMessage(), e);
        }
        log.info("Started index generation {} beside the serving {}", name, serving.name);
        return next;
    }

    /**
     * Makes a filled generation the serving one: merges it into one segment (when the settings say so), commits it
     * with the pipeline it was built with, points {@code CURRENT} at it atomically, moves searches over, then
     * closes and deletes the old generation. If this throws, the old generation still serves and the pointer still
     * names it.
     */
    public synchronized void switchTo(Generation built, String pipeline) {
        requireNext(built);
        if (settings.mergeAfterRebuild()) {
            // one HNSW graph instead of one per segment: faster, better searches; paid while the old one serves
            long started = System.nanoTime();
            built.index.forceMerge(1);
            log.info("Index generation {} merged into one segment in {} ms", built.name,
                    (System.nanoTime() - started) / 1_000_000);
        }
        built.index.commit(Map.of(PIPELINE, pipeline));
        try {
            writePointer(built.name);
        } catch (IOException e) {
            throw new IndexUnavailableException("Cannot point the index at generation " + built.name + ": "
                    + e.getMessage(), e);
        }
        Generation old;
        switching.writeLock().lock();
        try {
            old = serving;
            serving = built;
            vectorsComparable = true;
            next = null;
        } finally {
            switching.writeLock().unlock();
        }
        log.info("Index switched from generation {} to {}", old.name, built.name);
        closeAndDelete(old);
    }

    /** Throws a generation away; the serving one is untouched. */
    public synchronized void discard(Generation built) {
        requireNext(built);
        next = null;
        closeAndDelete(built);
        log.info("Index generation {} discarded; generation {} keeps serving", built.name, serving.name);
    }

    private void requireNext(Generation built) {
        if (built == null || built != next) {
            throw new IllegalStateException("Not the generation being built: " + (built == null ? null : built.name));
        }
    }

    private Generation open(String name) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        return new Generation(name, new LuceneChunkIndex(settings.in(dir)));
    }

    /** Before generations the index lived straight in the folder: it becomes the first generation, unchanged. */
    private String adoptLegacyOrStart() {
        String first = nameOf(Math.max(1, highestGeneration() + 1));
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> legacy = entries.filter(Files::isRegularFile)
                    .filter(file -> LEGACY_FILE.matcher(file.getFileName().toString()).matches()).toList();
            if (!legacy.isEmpty()) {
                Path dir = Files.createDirectories(root.resolve(first));
                for (Path file : legacy) {
                    Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                }
                log.info("Moved the index at {} into its first generation {}", root, first);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the index folder " + root, e);
        }
        return first;
    }

    private Optional<String> readPointer() throws IOException {
        Path pointer = root.resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        if (!GENERATION.matcher(name).matches()) {
            log.warn("Ignoring {}: it does not name a generation ({})", pointer, name);
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Writes the pointer to a temporary file, flushes it, and renames it over the old one in one step. */
    private void writePointer(String name) throws IOException {
        Path pointer = root.resolve(POINTER);
        if (readPointer().filter(name::equals).isPresent()) {
            return;
        }
        Path temporary = root.resolve(POINTER + ".tmp");
        Files.writeString(temporary, name + "\n", StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel folder = FileChannel.open(root, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            log.debug("Cannot flush folder {}: {}", root, e.getMessage());
        }
    }

    private int highestGeneration() {
        int highest = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                Matcher matcher = GENERATION.matcher(entry.getFileName().toString());
                if (matcher.matches()) {
                    highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the index folder " + root, e);
        }
        return highest;
    }

    /** Generations left by a rebuild that did not finish, or by a switch cut short before its clean-up. */
    private void removeGenerationsOtherThan(String current) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && GENERATION.matcher(name).matches() && !name.equals(current)) {
                    log.info("Removing index generation {}: {} is the current one", name, current);
                    deleteRecursively(entry);
                }
            }
        }
    }

    private void closeAndDelete(Generation generation) {
        try {
            generation.index.close();
            deleteRecursively(generation.index.directoryPath());
        } catch (IOException | RuntimeException e) {
            // Left behind, it is removed at the next start.
            log.warn("Cannot remove index generation {}: {}", generation.name, e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String nameOf(int number) {
        return String.format("gen-%06d", number);
    }

    // ---- the chunk index, on the serving generation

    private <T> T onServing(Function<LuceneChunkIndex, T> work) {
        switching.readLock().lock();
        try {
            return work.apply(serving.index);
        } finally {
            switching.readLock().unlock();
        }
    }

    @Override
    public void upsert(DocumentRecord document, List<EmbeddedChunk> chunks, Collection<String> replacing) {
        onServing(index -> {
            index.upsert(document, chunks, replacing);
            return null;
        });
    }

    @Override
    public void updateRecord(DocumentRecord document) {
        onServing(index -> {
            index.updateRecord(document);
            return null;
        });
    }

    @Override
    public boolean delete(String documentId) {
        return onServing(index -> index.delete(documentId));
    }

    @Override
    public void forceMerge(int maxSegments) {
        onServing(index -> {
            index.forceMerge(maxSegments);
            return null;
        });
    }

    @Override
    public void commit(Map<String, String> userData) {
        onServing(index -> {
            index.commit(userData);
            return null;
        });
    }

    @Override
    public Map<String, String> committedUserData() {
        return onServing(LuceneChunkIndex::committedUserData);
    }

    @Override
    public Optional<DocumentRecord> find(String documentId) {
        return onServing(index -> index.find(documentId));
    }

    @Override
    public List<DocumentRecord> documents() {
        return onServing(LuceneChunkIndex::documents);
    }

    @Override
    public IndexStats stats() {
        return onServing(LuceneChunkIndex::stats);
    }

    @Override
    public List<ChunkHit> searchText(String query, int limit, ChunkFilter filter) {
        return onServing(index -> index.searchText(query, limit, filter));
    }

    @Override
    public boolean vectorSearchAvailable() {
        return vectorsComparable;
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int limit, ChunkFilter filter) {
        return onServing(index -> {
            if (!vectorsComparable) {
                throw new IndexUnavailableException("Vector search is unavailable until the index rebuilt for the "
                        + "configured encoder is switched in; text search works meanwhile.", null);
            }
            return index.searchVector(vector, limit, filter);
        });
    }

    @Override
    public List<EmbeddedChunk> chunks(String documentId) {
        return onServing(index -> index.chunks(documentId));
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            if (next != null) {
                next.index.close();
            }
        } finally {
            serving.index.close();
        }
    }
}
