package dev.groundwork.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What gets indexed: the files of a folder, or passages given as text. */
sealed interface Corpus {

    int size();

    /** Changes when the content changes: an index kept from an earlier run is only reused for the same corpus. */
    String fingerprint();

    /** Every file under a folder, hidden files and folders left out (as the ingest folder does). */
    record Folder(Path root, List<String> files) implements Corpus {

        public Folder {
            files = List.copyOf(files);
        }

        static Folder of(Path root) {
            if (!Files.isDirectory(root)) {
                throw new EvalInputException(root + ": not a folder");
            }
            try (Stream<Path> walk = Files.walk(root)) {
                List<String> files = walk.filter(Files::isRegularFile)
                        .map(path -> root.relativize(path).toString().replace('\\', '/'))
                        .filter(relative -> Stream.of(relative.split("/")).noneMatch(part -> part.startsWith(".")))
                        .sorted()
                        .toList();
                if (files.isEmpty()) {
                    throw new EvalInputException(root + ": holds no files");
                }
                return new Folder(root, files);
            } catch (IOException e) {
                throw new EvalInputException(root + ": cannot be listed (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public int size() {
            return files.size();
        }

        @Override
        public String fingerprint() {
            MessageDigest digest = sha256();
            for (String file : files) {
                Path path = root.resolve(file);
                try {
                    digest.update((file + "\0" + Files.size(path) + "\0" + Files.getLastModifiedTime(path).toMillis()
                            + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Passages by id; ids are unique. */
    record Passages(List<Passage> passages) implements Corpus {

        public Passages {
            passages = List.copyOf(passages);
        }

        /** Reads {@code {id | context_id, title?, text}} lines. */
        static Passages read(Path file) {
            Map<String, Passage> byId = new LinkedHashMap<>();
            JsonLines.read(file, (line, number) -> {
                Passage passage = new Passage(JsonLines.text(line, "id", "context_id"),
                        JsonLines.optionalText(line, "title"), JsonLines.text(line, "text"));
                if (byId.putIfAbsent(passage.id(), passage) != null) {
                    throw new IllegalArgumentException("passage id '" + passage.id() + "' is used twice");
                }
            });
            if (byId.isEmpty()) {
                throw new EvalInputException(file + ": holds no passages");
            }
            return new Passages(List.copyOf(byId.values()));
        }

        @Override
        public int size() {
            return passages.size();
        }

        @Override
        public String fingerprint() {
            MessageDigest digest = sha256();
            for (Passage passage : passages) {
                digest.update((passage.id() + "\0" + passage.title() + "\0" + passage.text() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
