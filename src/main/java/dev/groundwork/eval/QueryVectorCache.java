package dev.groundwork.eval;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.ForwardingEncoder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Remembers question vectors across configurations: a question embedded once by an encoder is the same vector
 * the next time (the encoder is deterministic), so configurations that differ only in retrieval settings do not
 * pay for embedding every question again. Keyed by the encoder's signature, so another model or window never
 * gets a vector made by this one. Passages are never cached: every index is built by the real pipeline.
 */
final class QueryVectorCache implements BeanPostProcessor {

    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Encoder encoder && !(bean instanceof Caching) ? new Caching(encoder, vectors) : bean;
    }

    int size() {
        return vectors.size();
    }

    /** The application's encoder with a memory for questions; closing it closes the encoder. */
    static final class Caching extends ForwardingEncoder implements AutoCloseable {

        private final Map<String, float[]> vectors;

        Caching(Encoder delegate, Map<String, float[]> vectors) {
            super(delegate);
            this.vectors = vectors;
        }

        @Override
        public float[] embedQuery(String question) {
            return vectors.computeIfAbsent(delegate.signature() + "\n" + question, key -> delegate.embedQuery(question))
                    .clone();
        }

        @Override
        public void close() throws Exception {
            if (delegate instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
