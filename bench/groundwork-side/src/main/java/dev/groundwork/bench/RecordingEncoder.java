package dev.groundwork.bench;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.TokenCounter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The application's encoder, recording the passages it embeds and the time spent embedding them. */
final class RecordingEncoder implements Encoder {

    private final Encoder delegate;
    private final List<String> texts;
    private final AtomicLong nanos;

    RecordingEncoder(Encoder delegate, List<String> texts, AtomicLong nanos) {
        this.delegate = delegate;
        this.texts = texts;
        this.nanos = nanos;
    }

    @Override
    public List<float[]> embedAll(List<String> batch) {
        long started = System.nanoTime();
        try {
            return delegate.embedAll(batch);
        } finally {
            nanos.addAndGet(System.nanoTime() - started);
            texts.addAll(batch);
        }
    }

    @Override
    public float[] embedQuery(String question) {
        return delegate.embedQuery(question);
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    @Override
    public String signature() {
        return delegate.signature();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public int maxTokens() {
        return delegate.maxTokens();
    }

    @Override
    public TokenCounter tokenCounter() {
        return delegate.tokenCounter();
    }
}
