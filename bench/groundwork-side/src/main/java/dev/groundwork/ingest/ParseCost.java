package dev.groundwork.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;

/** What reading a folder of text files costs in the service, step by step (a profiling aid of the bench). */
public final class ParseCost {

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of(args[0]))) {
            files = all.sorted().toList();
        }
        MimeTypes types = MimeTypes.getDefaultMimeTypes();
        TikaDocumentParser text = TikaDocumentParser.plainTextOnly(ParseLimits.defaults(20_000_000), Duration.ofSeconds(60));
        for (int pass = 1; pass <= 3; pass++) {
            long t0 = System.nanoTime();
            for (Path file : files) {
                Metadata metadata = new Metadata();
                metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
                try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
                    types.detect(in, metadata);
                }
            }
            long t1 = System.nanoTime();
            for (Path file : files) {
                text.parse(file, file.getFileName().toString());
            }
            long t2 = System.nanoTime();
            System.out.printf("pass %d: detect %.3f ms/file, text parse %.3f ms/file%n", pass,
                    (t1 - t0) / 1e6 / files.size(), (t2 - t1) / 1e6 / files.size());
        }
    }
}
