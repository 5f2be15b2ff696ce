package dev.groundwork.embed;

import dev.groundwork.support.TestThreads;
import java.util.concurrent.ExecutorService;

/** One bundled encoder shared by the unit tests of a JVM, so the model is loaded once. */
public final class EncoderTestSupport {

    private static final ExecutorService HELPERS = TestThreads.asNeeded("encoder-");
    private static Encoder shared;

    private EncoderTestSupport() {
    }

    public static synchronized Encoder sharedEncoder() {
        if (shared == null) {
            shared = new OnnxEncoder(new EncoderSettings("all-minilm-l6-v2-q", null, 256,
                    EncoderSettings.Pooling.MEAN, "", "", 1, 1, 0), HELPERS);
        }
        return shared;
    }

    /** Threads for the runs of encoders a test makes, in place of the application's. */
    public static ExecutorService helpers() {
        return HELPERS;
    }
}
