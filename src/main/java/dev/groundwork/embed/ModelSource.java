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
 * Where an encoder's files come from: a model bundled on the classpath by LangChain4j's embeddings modules, or
 * a sentence-transformer folder the user points to. Nothing is ever downloaded.
 *
 * @param modelId     a short name for humans and health checks
 * @param fingerprint identifies the exact model bytes, for the pipeline signature
 */
record ModelSource(String modelId, String fingerprint, Pooling pooling, Opener model, Opener tokenizer) {

    /** Opens a model file; each call gives a fresh stream. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private record Bundled(String modelResource, String tokenizerResource, Pooling pooling) {
    }

    /** LangChain4j's bundled encoders, by the names users configure. */
    private static final Map<String, Bundled> BUNDLED = Map.of(
            "all-minilm-l6-v2", new Bundled("all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", Pooling.MEAN),
            "all-minilm-l6-v2-q", new Bundled("all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN));

    static ModelSource of(EncoderSettings settings) {
        return settings.modelDir() != null ? fromFolder(settings.modelDir(), settings.pooling()) : bundled(settings.model());
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
        return new ModelSource(name, name, bundled.pooling(),
                () -> loader.getResourceAsStream(bundled.modelResource()),
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
        return new ModelSource(name, fingerprint, pooling, () -> Files.newInputStream(model),
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
