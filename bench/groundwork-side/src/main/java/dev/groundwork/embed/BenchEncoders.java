package dev.groundwork.embed;

/**
 * Lets the bench build Groundwork's own encoder with chosen settings, to measure each of its steps alone. Lives in
 * the bench (in the encoder's package, since the encoder is package-private), never in the application.
 */
public final class BenchEncoders {

    private BenchEncoders() {
    }

    public static Encoder open(EncoderSettings settings) {
        return new OnnxEncoder(settings);
    }

    public static void close(Encoder encoder) {
        ((OnnxEncoder) encoder).close();
    }
}
