package dev.groundwork.embed;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Lets the bench build Groundwork's own encoder with chosen settings, to measure each of its steps alone. Lives in
 * the bench (in the encoder's package, since the encoder is package-private), never in the application.
 */
public final class BenchEncoders {

    /** The runs beside the caller's, as the application's encoderRuns executor gives them. */
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "encoder-bench");
        thread.setDaemon(true);
        return thread;
    });

    private BenchEncoders() {
    }

    public static Encoder open(EncoderSettings settings) {
        return new OnnxEncoder(settings, HELPERS);
    }

    public static void close(Encoder encoder) {
        ((OnnxEncoder) encoder).close();
    }
}
