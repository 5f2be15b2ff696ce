package dev.groundwork.embed;

import java.nio.file.Path;

/** The bundled encoder with its default settings, for unit tests of other packages; loaded once per test JVM. */
public final class TestEncoders {

    private static Encoder shared;

    private TestEncoders() {
    }

    public static synchronized Encoder bundled() {
        if (shared == null) {
            shared = new OnnxEncoder(new EncoderSettings("all-minilm-l6-v2-q", (Path) null, 256,
                    EncoderSettings.Pooling.MEAN, "", 1, 1, 0));
        }
        return shared;
    }
}
