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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunk index as a series of generations: {@code <index dir>/gen-000001/}, {@code gen-000002/}, ... each a whole
 * Lucene index, and {@code <index dir>/CURRENT} naming the one that serves. A rebuild fills the next generation while
 * the serving one keeps serving, then {@link #switchTo switches}: the pointer file is replaced atomically (so a restart
 * opens one generation or the other, never a mix) and the serving index is handed out from then on. The serving index
 * is lent, never forwarded to: {@link #acquire()} and {@link #release} count its users like Lucene's
 * {@code SearcherManager} counts a searcher's, and a replaced generation is closed and deleted when its last user
 * releases it. On failure the next generation is {@link #discard discarded} and the old one stays.
 *
 * <p>Each generation records in its commit data the pipeline signature it was built with. While the serving
 * generation was built by another encoder, its vectors cannot be compared with the configured encoder's: its vector
 * search is unavailable (text search still works) and new chunks are written without vectors, until the rebuilt
 * generation switches in.
 */
public final class GenerationalChunkIndex implements ServingIndex<ChunkIndex>, IndexGenerations, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GenerationalChunkIndex.class);
    static final String POINTER = "CURRENT";
    static final String PIPELINE = "pipeline";
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6})");
    /** Files of an index written straight into the index folder, before generations. */
    private static final Pattern LEGACY_FILE = Pattern.compile("segments.*|pending_segments.*|_.*|write\\.lock");

    private final Path root;
    private final IndexSettings settings;
    /** Every open generation by its index, to find what a released index belongs to. */
    private final Map<ChunkIndex, Generation> open = new ConcurrentHashMap<>();
    private volatile Generation serving;
    private Generation next;

    /** One Lucene index of the series, with those holding it. */
    private final class Generation implements NextGeneration {
        private final String name;
        private final LuceneChunkIndex index;
        private final GenerationHolds holds;

        private Generation(String name, LuceneChunkIndex index) {
            this.name = name;
            this.index = index;
            this.holds = new GenerationHolds(name, () -> closeAndDelete(this));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ChunkStore store() {
            return index;
        }

        /** Takes a hold, unless the generation is closed already (a switch retired it meanwhile). */
        boolean tryHold() {
            return holds.tryHold();
        }

        /** Gives a hold back; the last one closes and deletes a retired generation. */
        void release() {
            holds.release();
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

    // ---- the serving index, lent

    @Override
    public ChunkIndex acquire() {
        while (true) {
            Generation current = serving;
            if (current.tryHold()) {
                return current.index;
            }
            // retired and closed between the read and the hold: the field names its successor by now
        }
    }

    @Override
    public void release(ChunkIndex index) {
        Generation generation = open.get(index);
        if (generation == null) {
            throw new IllegalStateException("Not an index of this series, or released after it closed");
        }
        generation.release();
    }

    /** Brings searches of the serving and the next generation up to date with writes not yet committed. */
    public void refresh() {
        Generation building;
        synchronized (this) {
            building = next;
        }
        for (Generation generation : building == null ? List.of(serving) : List.of(serving, building)) {
            if (generation.tryHold()) {
                try {
                    generation.index.refresh();
                } finally {
                    generation.release();
                }
            }
        }
    }

    // ---- the generations

    @Override
    public ServingGeneration serving() {
        while (true) {
            Generation current = serving;
            if (current.tryHold()) { // held, so a switch cannot close it while it is read
                try {
                    return new ServingGeneration(current.name, builtWith(current), current.index.vectorsComparable());
                } finally {
                    current.release();
                }
            }
        }
    }

    private static Optional<String> builtWith(Generation generation) {
        return Optional.ofNullable(generation.index.committedUserData().get(PIPELINE));
    }

    @Override
    public synchronized void recordBuiltWith(String pipeline) {
        serving.index.commit(Map.of(PIPELINE, pipeline));
        log.info("Index generation {} is recorded as built with the configured pipeline", serving.name);
    }

    @Override
    public synchronized void vectorsComparable(boolean comparable) {
        serving.index.vectorsComparable(comparable);
    }

    @Override
    public synchronized NextGeneration startNext() {
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
     * Merges the next generation into one segment (when the settings say so), commits it with the pipeline it was
     * built with, points {@code CURRENT} at it atomically, and hands it out from then on. The old generation closes
     * and is deleted once its last user releases it.
     */
    @Override
    public synchronized void switchTo(NextGeneration built, String pipeline) {
        Generation switching = requireNext(built);
        if (settings.mergeAfterRebuild()) {
            // one HNSW graph instead of one per segment: faster, better searches; paid while the old one serves
            long started = System.nanoTime();
            switching.index.forceMerge(1);
            log.info("Index generation {} merged into one segment in {} ms", switching.name,
                    (System.nanoTime() - started) / 1_000_000);
        }
        switching.index.commit(Map.of(PIPELINE, pipeline));
        try {
            writePointer(switching.name);
        } catch (IOException e) {
            throw new IndexUnavailableException("Cannot point the index at generation " + switching.name + ": "
                    + e.getMessage(), e);
        }
        Generation old = serving;
        serving = switching;
        next = null;
        log.info("Index switched from generation {} to {}", old.name, switching.name);
        old.release();
    }

    @Override
    public synchronized void discard(NextGeneration built) {
        Generation discarded = requireNext(built);
        next = null;
        discarded.release();
        log.info("Index generation {} discarded; generation {} keeps serving", discarded.name, serving.name);
    }

    private Generation requireNext(NextGeneration built) {
        if (built == null || built != next) {
            throw new IllegalStateException("Not the generation being built: " + (built == null ? null : built.name()));
        }
        return next;
    }

    private Generation open(String name) throws IOException {
        Path dir = root.resolve(name);
        Files.createDirectories(dir);
        Generation generation = new Generation(name, new LuceneChunkIndex(settings.in(dir)));
        open.put(generation.index, generation);
        return generation;
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
        open.remove(generation.index);
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

    /** Closes the serving generation (and one being built), whoever still holds them: the application is stopping. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (next != null) {
                open.remove(next.index);
                next.index.close();
            }
        } finally {
            open.remove(serving.index);
            serving.index.close();
        }
    }
}
