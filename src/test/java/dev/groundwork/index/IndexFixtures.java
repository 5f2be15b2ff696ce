package dev.groundwork.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents and chunks for the index tests, with small hand-made vectors: which chunk is nearest to which vector is
 * known without an encoder.
 */
public final class IndexFixtures {

    /** The dimension of the fixtures' vectors. */
    public static final int DIMENSION = 4;
    private static final Instant ADDED = Instant.parse("2026-01-01T00:00:00Z");

    private IndexFixtures() {
    }

    /**
     * A document of {@code chunks} chunks, with a hash of its own, one path and an "about" line of its own (so every
     * comparison of records read back also checks that a backend keeps it).
     */
    public static DocumentRecord document(String id, String title, String contentType, int chunks) {
        return document(id, title, contentType, chunks, ADDED);
    }

    public static DocumentRecord document(String id, String title, String contentType, int chunks, Instant addedAt) {
        return new DocumentRecord(id, (id + "0".repeat(64)).substring(0, 64), title, "notes kept as " + id + ".txt", id + ".txt",
                List.of("docs/" + id + ".txt"), contentType, 100, null, chunks, addedAt, "p1");
    }

    /** A unit vector pointing the way of {@code direction} (padded with zeros to {@link #DIMENSION}). */
    public static float[] unit(double... direction) {
        float[] vector = new float[Math.max(DIMENSION, direction.length)];
        double norm = 0;
        for (double value : direction) {
            norm += value * value;
        }
        for (int i = 0; i < direction.length; i++) {
            vector[i] = (float) (direction[i] / Math.sqrt(norm));
        }
        return vector;
    }

    /** A chunk of page {@code ordinal + 1} under one heading, its vector pointing the way of {@code direction}. */
    public static EmbeddedChunk chunk(int ordinal, String text, String context, double... direction) {
        return new EmbeddedChunk(new Chunk(ordinal, ordinal + 1, List.of("Section"), 0, text.length(), text),
                unit(direction), context);
    }

    /** Chunks of the given texts, in order, each pointing along its own axis (the first along x, ...). */
    public static List<EmbeddedChunk> chunks(String... texts) {
        List<EmbeddedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            double[] direction = new double[DIMENSION];
            direction[i % DIMENSION] = 1;
            chunks.add(chunk(i, texts[i], "", direction));
        }
        return chunks;
    }

    /** Writes a document of these chunk texts and commits it. */
    public static DocumentRecord put(ChunkStore store, String id, String title, String... texts) {
        DocumentRecord document = document(id, title, "text/plain", texts.length);
        store.upsert(document, chunks(texts));
        store.commit();
        return document;
    }
}
