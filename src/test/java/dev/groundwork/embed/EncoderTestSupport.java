package dev.groundwork.embed;

/** One bundled encoder shared by the unit tests of a JVM, so the model is loaded once. */
public final class EncoderTestSupport {

    private static Encoder shared;

    private EncoderTestSupport() {
    }

    public static synchronized Encoder sharedEncoder() {
        if (shared == null) {
            shared = new OnnxEncoder(new EncoderSettings("all-minilm-l6-v2-q", null, 256,
                    EncoderSettings.Pooling.MEAN, "", "", 1, 1, 0));
        }
        return shared;
    }
}
