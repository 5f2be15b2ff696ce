package dev.groundwork.embed;

import dev.groundwork.embed.EncoderSettings.Pooling;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where an encoder's files come from, and how the model wants to be run: a model bundled on the classpath by
 * LangChain4j's embeddings modules, or a sentence-transformer folder the user points to. Nothing is ever
 * downloaded.
 *
 * @param modelId       a short name for humans and health checks
 * @param fingerprint   identifies the exact model bytes, for the pipeline signature
 * @param window        the tokens the model was trained to read, special tokens included
 * @param queryPrefix   what the model wants before a question ("query: " for e5, an instruction for bge)
 * @param passagePrefix what the model wants before a passage ("passage: " for e5)
 * @param calibration   the answer thresholds measured with the model
 */
record ModelSource(String modelId, String fingerprint, Pooling pooling, int window, String queryPrefix,
                   String passagePrefix, Calibration calibration, Opener model, Opener tokenizer) {

    /** Opens a model file; each call gives a fresh stream. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private record Bundled(String modelResource, String tokenizerResource, Pooling pooling, int window,
                           String queryPrefix, String passagePrefix, Calibration calibration) {
    }

    /*
     * Thresholds measured on SQuAD, HotpotQA and financebench with questions of another set as the unanswerable
     * ones, and on claims made from SQuAD paragraphs for support (docs/answers.md). e5's and bge's cosines are
     * higher and closer together than MiniLM's for the same texts, so their thresholds are higher.
     */
    private static final Calibration MINILM = new Calibration(0.40, 0.60, true);
    private static final Calibration E5 = new Calibration(0.75, 0.75, true);
    private static final Calibration BGE = new Calibration(0.58, 0.65, true);
    /** Given to a model folder until its own are set: MiniLM's, the lowest, so that it abstains least. */
    static final Calibration UNMEASURED = new Calibration(MINILM.evidenceThreshold(), MINILM.supportThreshold(), false);

    /** A sentence-transformer folder's window when none is configured: what most of them were trained with. */
    static final int FOLDER_WINDOW = 256;
    private static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    /**
     * LangChain4j's bundled encoders, by the names users configure, each run as its authors say: MiniLM with mean
     * pooling over a 256-token window (its bundled tokenizer file says 128, but it was trained at 256), bge with
     * its [CLS] vector and an instruction before questions, e5 with mean pooling and "query: " / "passage: ".
     */
    private static final Map<String, Bundled> BUNDLED = Map.of(
            "all-minilm-l6-v2", new Bundled("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", Pooling.MEAN,
                    256, "", "", MINILM),
            "all-minilm-l6-v2-q", new Bundled("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
                    Pooling.MEAN, 256, "", "", MINILM),
            "bge-small-en-v1.5-q", new Bundled("bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
                    Pooling.CLS, 512, BGE_QUERY_PREFIX, "", BGE),
            "e5-small-v2-q", new Bundled("e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json", Pooling.MEAN, 512,
                    "query: ", "passage: ", E5));

    static ModelSource of(EncoderSettings settings) {
        return settings.modelDir() != null ? fromFolder(settings.modelDir(), settings.pooling())
                : bundled(settings.model());
    }

    static ModelSource bundled(String name) {
        Bundled bundled = BUNDLED.get(name);
        if (bundled == null) {
            throw new EncoderUnavailableException("Unknown bundled encoder '" + name + "' (groundwork.encoder.model); "
                    + "choose one of " + BUNDLED.keySet().stream().sorted().collect(Collectors.joining(", "))
                    + ", or set groundwork.encoder.model-dir to a folder with model.onnx and tokenizer.json");
        }
        ClassLoader loader = ModelSource.class.getClassLoader();
        if (loader.getResource(bundled.modelResource()) == null) {
            throw new EncoderUnavailableException("The bundled encoder '" + name + "' is not on the classpath ("
                    + bundled.modelResource() + " is missing)");
        }
        return new ModelSource(name, name, bundled.pooling(), bundled.window(), bundled.queryPrefix(),
                bundled.passagePrefix(), bundled.calibration(), () -> loader.getResourceAsStream(bundled.modelResource()),
                () -> loader.getResourceAsStream(bundled.tokenizerResource()));
    }

    static ModelSource fromFolder(Path folder, Pooling pooling) {
        Path model = folder.resolve("model.onnx");
        Path tokenizer = folder.resolve("tokenizer.json");
        for (Path required : new Path[] {model, tokenizer}) {
            if (!Files.isRegularFile(required) || !Files.isReadable(required)) {
                throw new EncoderUnavailableException("groundwork.encoder.model-dir=" + folder
                        + " is incomplete: " + required.getFileName() + " is missing or unreadable "
                        + "(a sentence-transformer ONNX folder needs model.onnx and tokenizer.json)");
            }
        }
        String name = folder.toAbsolutePath().normalize().getFileName().toString();
        String fingerprint = name + "@" + sha256Prefix(model) + "+" + sha256Prefix(tokenizer);
        return new ModelSource(name, fingerprint, pooling == null ? Pooling.MEAN : pooling, FOLDER_WINDOW, "", "",
                UNMEASURED, () -> Files.newInputStream(model),
                () -> Files.newInputStream(tokenizer));
    }

    private static String sha256Prefix(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
