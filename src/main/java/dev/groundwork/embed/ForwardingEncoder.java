package dev.groundwork.embed;

import java.util.List;

/** An encoder that hands every call to another; a subclass overrides the calls it watches or changes. */
public abstract class ForwardingEncoder implements Encoder {

    protected final Encoder delegate;

    protected ForwardingEncoder(Encoder delegate) {
        this.delegate = delegate;
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
    public Calibration calibration() {
        return delegate.calibration();
    }

    @Override
    public int maxTokens() {
        return delegate.maxTokens();
    }

    @Override
    public TokenCounter tokenCounter() {
        return delegate.tokenCounter();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return delegate.embedAll(texts);
    }

    @Override
    public float[] embedQuery(String question) {
        return delegate.embedQuery(question);
    }
}
