package dev.groundwork.support;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.ForwardingEncoder;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real encoder, observed: counts the passages it embeds, and can hold the folder sync's embedding at a gate until
 * a test opens it, to look at the service while a run is going on. Uploads and queries are never held.
 */
public final class ObservedEncoder extends ForwardingEncoder {

    /** Puts the observed encoder in front of the application's own. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        ObservedEncoder observedEncoder(@Qualifier("encoder") Encoder encoder) {
            return new ObservedEncoder(encoder);
        }
    }

    private final AtomicInteger passages = new AtomicInteger();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile boolean failing;

    public ObservedEncoder(Encoder delegate) {
        super(delegate);
    }

    /** Passages embedded so far. */
    public int passages() {
        return passages.get();
    }

    /** From now on, the folder sync's embedding waits until {@link #open()}. */
    public void close() {
        gate.set(new CountDownLatch(1));
    }

    public void open() {
        CountDownLatch closed = gate.getAndSet(null);
        if (closed != null) {
            closed.countDown();
        }
    }

    /** While on, the folder sync's embedding fails, as an encoder that broke would. */
    public void failing(boolean on) {
        this.failing = on;
    }

    /** Waits until some embedding is held at the closed gate. */
    public boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        boolean sync = Thread.currentThread().getName().startsWith("folder-sync");
        if (failing && sync) {
            throw new IllegalStateException("the encoder failed (as the test asked)");
        }
        CountDownLatch closed = gate.get();
        if (closed != null && sync) {
            held.countDown();
            try {
                if (!closed.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the encoder's gate");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the encoder's gate", e);
            }
        }
        passages.addAndGet(texts.size());
        return delegate.embedAll(texts);
    }
}
