package dev.groundwork.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Gauges of the serving index for {@code /actuator/prometheus}: documents, chunks, and the bytes the embedded index
 * takes on disk (every generation in {@code groundwork.index.dir}; not known on Solr). Read when scraped; NaN while
 * the index cannot be read, so a gap shows rather than a zero.
 */
@Component
class IndexMeters implements MeterBinder {

    private final ServingIndex<? extends ChunkStore> index;
    private final IndexSettings settings;

    IndexMeters(ServingIndex<? extends ChunkStore> index, IndexSettings settings) {
        this.index = index;
        this.settings = settings;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("groundwork.index.documents", this, stat(IndexStats::documents))
                .description("Documents in the serving index (archives and mailboxes, and each of their members)")
                .register(registry);
        Gauge.builder("groundwork.index.chunks", this, stat(IndexStats::chunks))
                .description("Passages (chunks) in the serving index")
                .register(registry);
        Gauge.builder("groundwork.index.size", this, IndexMeters::bytesOnDisk)
                .description("Bytes the embedded index takes on disk, every generation included")
                .baseUnit("bytes")
                .register(registry);
    }

    private static ToDoubleFunction<IndexMeters> stat(ToDoubleFunction<IndexStats> value) {
        return meters -> {
            try {
                return value.applyAsDouble(meters.index.use(ChunkStore::stats));
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }

    private double bytesOnDisk() {
        if (settings.backend() != IndexSettings.Backend.LUCENE) {
            return Double.NaN;
        }
        Path dir = settings.dir();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(IndexMeters::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    /** A file a merge deleted between the listing and the look counts nothing. */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
