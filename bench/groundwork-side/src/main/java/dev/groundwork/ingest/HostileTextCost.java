package dev.groundwork.ingest;

import dev.groundwork.embed.BenchEncoders;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What text built to be expensive costs the service, step by step: parsed in the service (as plain text and Markdown
 * are), split, embedded, with the application's defaults. Prints one Markdown row per input. Run by
 * {@code bench/hostile-text.sh}; {@code --no-embed} leaves the embedding out (the slow part, proportional to tokens).
 */
public final class HostileTextCost {

    private record Input(String name, String fileName, Supplier<String> text) {
    }

    public static void main(String[] args) throws Exception {
        boolean embed = !List.of(args).contains("--no-embed");
        List<Input> inputs = List.of(
                new Input("a million one-letter lines", "lines.txt", () -> "x\n".repeat(1_000_000)),
                new Input("a million one-item list lines", "list.txt", () -> "- x\n".repeat(1_000_000)),
                new Input("200 headings padded with 3,000 spaces", "padded.md",
                        () -> ("# a" + " ".repeat(3_000) + "x\n").repeat(200)),
                new Input("5 MB of prose without a full stop", "run-on.txt",
                        () -> "and the river ran on past the mill ".repeat(150_000)));
        // the application's default encoder, each of its settings the model's own (window, pooling, prefixes)
        Encoder encoder = BenchEncoders.open(new EncoderSettings("e5-small-v2-q", null, null, null, null, null, 1, 1, 0));
        TikaDocumentParser parser = TikaDocumentParser.plainTextOnly(ParseLimits.defaults(20_000_000), Duration.ofMinutes(10));
        SentenceAwareSplitter splitter = new SentenceAwareSplitter(new SplitSettings(256, 38, true), encoder);
        Path dir = Files.createTempDirectory("hostile-text");
        System.out.println("| input | bytes | parse ms | split ms | chunks | tokens | embed ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Input input : inputs) {
            Path file = dir.resolve(input.fileName());
            Files.write(file, input.text().get().getBytes(StandardCharsets.UTF_8));
            long started = System.nanoTime();
            ParsedDocument parsed = parser.parse(file, input.fileName());
            long parsedAt = System.nanoTime();
            List<PreparedChunk> chunks = splitter.split(parsed, DocumentIdentity.of(parsed, input.fileName()));
            long splitAt = System.nanoTime();
            long tokens = chunks.stream().mapToLong(chunk -> encoder.tokenCounter().count(chunk.chunk().text())).sum();
            String embedMs = "-";
            if (embed) {
                long embedding = System.nanoTime();
                for (int from = 0; from < chunks.size(); from += 256) {
                    encoder.embedAll(chunks.subList(from, Math.min(chunks.size(), from + 256)).stream()
                            .map(PreparedChunk::embeddingText).toList());
                }
                embedMs = Long.toString((System.nanoTime() - embedding) / 1_000_000);
            }
            System.out.printf("| %s | %,d | %,d | %,d | %,d | %,d | %s |%n", input.name(), Files.size(file),
                    (parsedAt - started) / 1_000_000, (splitAt - parsedAt) / 1_000_000, chunks.size(), tokens, embedMs);
            Files.delete(file);
        }
        Files.delete(dir);
        BenchEncoders.close(encoder);
    }
}
