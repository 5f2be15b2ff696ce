package dev.groundwork.bench.easyrag;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.loader.FileSystemDocumentLoader;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * LangChain4j Easy RAG ingesting a folder the way its documentation sets it up: FileSystemDocumentLoader with the
 * Apache Tika parser Easy RAG brings, its default splitter (recursive, 300 tokens, 30 overlap), the in-memory
 * store, and the embedding model asked for: {@code default}, Easy RAG's own (bge-small-en-v1.5 quantized, the model
 * its service loader picks when none is given), or {@code e5-small-v2-q} / {@code all-minilm-l6-v2-q}, LangChain4j's
 * bundled models Groundwork can run (equal-model controls). Timed from the first file read to the last vector
 * stored; the model is loaded and the whole path warmed before (200 synthetic documents), as Groundwork's is.
 *
 * <p>Prints one {@code RESULT} line (see the driver). Arguments: the corpus folder, the model.
 */
public final class EasyRagIngest {

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        String name = args.length > 1 ? args[1] : "default";
        EmbeddingModel model = switch (name) {
            case "default", "bge-small-en-v1.5-q" -> new BgeSmallEnV15QuantizedEmbeddingModel();
            case "e5-small-v2-q" -> new E5SmallV2QuantizedEmbeddingModel();
            case "all-minilm-l6-v2-q" -> new AllMiniLmL6V2QuantizedEmbeddingModel();
            default -> throw new IllegalArgumentException("unknown model " + name);
        };
        String modelName = name.equals("default") ? "bge-small-en-v1.5-q" : name;
        for (int i = 0; i < 20; i++) {
            model.embed("Warm-up text number " + i + " for the encoder, of a modest length.");
        }
        warmUp(model);
        AtomicLong segments = new AtomicLong();
        AtomicLong tokensRead = new AtomicLong();
        AtomicLong embedNanos = new AtomicLong();
        EmbeddingModel counted = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> texts) {
                long started = System.nanoTime();
                try {
                    Response<List<Embedding>> response = model.embedAll(texts);
                    // what the model says it read (MiniLM's tokenizer cuts every segment at 128 tokens)
                    if (response.tokenUsage() != null && response.tokenUsage().inputTokenCount() != null) {
                        tokensRead.addAndGet(response.tokenUsage().inputTokenCount());
                    }
                    return response;
                } finally {
                    segments.addAndGet(texts.size());
                    embedNanos.addAndGet(System.nanoTime() - started);
                }
            }

            @Override
            public int dimension() {
                return model.dimension();
            }
        };
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
                .embeddingModel(counted)
                .embeddingStore(store)
                .build();

        // CPU of the whole process over the timed part (every thread: Tika, the splitter, the model's runs), the
        // figure that holds when other work shares the cores
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        List<Document> documents = FileSystemDocumentLoader.loadDocumentsRecursively(corpus);
        long loaded = System.nanoTime();
        ingestor.ingest(documents);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;

        System.out.println(String.format(Locale.ROOT,
                "RESULT model=%s seconds=%.3f documents=%d chunks=%d tokens=%d load_seconds=%.3f embed_seconds=%.3f "
                        + "chunks_per_s=%.3f tokens_per_s=%.3f documents_per_s=%.3f cpu=total:%.1f",
                modelName, seconds, documents.size(), segments.get(), tokensRead.get(), (loaded - started) / 1e9,
                embedNanos.get() / 1e9, segments.get() / seconds, tokensRead.get() / seconds, documents.size() / seconds, cpuSeconds));
    }

    /**
     * The same warm-up as Groundwork's: 200 synthetic documents (words unrelated to any corpus) loaded, parsed, split
     * and embedded into a store of their own before the clock starts, so Tika's loading and the JIT are not timed.
     */
    private static void warmUp(EmbeddingModel model) throws Exception {
        Path dir = Files.createTempDirectory("easyrag-warm-up");
        java.util.Random random = new java.util.Random(7);
        String[] words = ("amber basalt cobalt dune ember fjord glacier harbor island jungle kelp lagoon meadow "
                + "nectar orchard prairie quartz reef savanna tundra upland valley wetland xeric yarrow zephyr").split(" ");
        for (int doc = 0; doc < 200; doc++) {
            StringBuilder text = new StringBuilder("Warm-up document " + doc + "\n\n");
            for (int sentence = 0; sentence < 4 + random.nextInt(12); sentence++) {
                for (int word = 0; word < 6 + random.nextInt(10); word++) {
                    text.append(word == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
                }
                text.append(". ");
            }
            Files.writeString(dir.resolve("warm-up-" + doc + (doc % 5 == 0 ? ".md" : ".txt")), text);
        }
        EmbeddingStoreIngestor.builder().embeddingModel(model).embeddingStore(new InMemoryEmbeddingStore<TextSegment>())
                .build().ingest(FileSystemDocumentLoader.loadDocumentsRecursively(dir));
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
