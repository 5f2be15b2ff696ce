package dev.groundwork.bench;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.ForwardingEncoder;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The application's encoder, recording the passages it embeds and the time spent embedding them. */
final class RecordingEncoder extends ForwardingEncoder {

    private final List<String> texts;
    private final AtomicLong nanos;

    RecordingEncoder(Encoder delegate, List<String> texts, AtomicLong nanos) {
        super(delegate);
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
}
