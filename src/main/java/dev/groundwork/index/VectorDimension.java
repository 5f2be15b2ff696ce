package dev.groundwork.index;

/**
 * The length of the vectors the configured encoder makes: what an index that must declare its vector field up front
 * (a Solr schema) is sized by. The wiring hands it over from the encoder, which the index does not know.
 */
public record VectorDimension(int value) {

    public VectorDimension {
        if (value < 1) {
            throw new IllegalArgumentException("a vector dimension must be positive, got " + value);
        }
    }
}
