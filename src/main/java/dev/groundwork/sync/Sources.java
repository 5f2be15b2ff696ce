package dev.groundwork.sync;

import dev.groundwork.index.IndexSettings;
import dev.groundwork.ingest.IngestFolder;
import dev.groundwork.ingest.SourcePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every folder whose files are indexed: the ingest folder first, then the configured extra sources. Folders may not
 * overlap each other or the index: a file would otherwise be two documents' paths, or the index its own input.
 */
@Component
class Sources {

    private static final Logger log = LoggerFactory.getLogger(Sources.class);

    private final List<SourceFolder> all;

    Sources(IngestFolder ingest, IndexSettings index, SyncSettings settings) {
        List<SourceFolder> folders = new ArrayList<>();
        folders.add(SourceFolder.ingest(ingest.root()));
        settings.sources().stream().map(SourceFolder::of).forEach(folders::add);
        Path indexDir = index.dir().toAbsolutePath().normalize();
        for (int i = 0; i < folders.size(); i++) {
            SourceFolder folder = folders.get(i);
            if (overlap(folder.root(), indexDir)) {
                throw new IllegalStateException("Source folder " + folder + " overlaps the index folder " + indexDir);
            }
            for (int j = 0; j < i; j++) {
                if (overlap(folder.root(), folders.get(j).root())) {
                    throw new IllegalStateException("Source folders " + folders.get(j) + " and " + folder
                            + " overlap; each file must belong to one source");
                }
            }
        }
        this.all = List.copyOf(folders);
        log.info("Indexing {} source folder(s): {}", all.size(), all);
    }

    List<SourceFolder> all() {
        return all;
    }

    Optional<SourceFolder> named(String name) {
        return all.stream().filter(folder -> folder.name().equals(name)).findFirst();
    }

    /**
     * Where a recorded path's file would be if it were still one of its source's documents; empty when its source is
     * no longer configured, or the path no longer matches the source's globs.
     */
    Optional<Path> documentFile(SourcePath path) {
        return named(path.source()).filter(folder -> folder.includes(path.path()))
                .flatMap(folder -> folder.resolve(path.path()));
    }

    private static boolean overlap(Path a, Path b) {
        return a.startsWith(b) || b.startsWith(a);
    }
}
