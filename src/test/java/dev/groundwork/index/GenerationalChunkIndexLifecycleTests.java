package dev.groundwork.index;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The generations of Lucene indexes keep the {@link IndexGenerations} contract. */
class GenerationalChunkIndexLifecycleTests extends IndexGenerationsContract {

    @TempDir
    Path dir;

    @Override
    protected Opened openAtTheTestsPlace() {
        GenerationalChunkIndex index = new GenerationalChunkIndex(
                new IndexSettings(dir, Duration.ofSeconds(1), 16, 0.5, IndexSettings.VectorFormat.FLOAT));
        return new Opened(index, index, index);
    }
}
