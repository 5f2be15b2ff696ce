package dev.groundwork.index;

import java.util.Objects;
import java.util.Optional;

/**
 * The generation that serves.
 *
 * @param name              its name, e.g. {@code gen-000002}
 * @param builtWith         the pipeline signature it records having been built with; empty when it records none (a
 *                          new index, or one older than generations)
 * @param vectorsComparable whether its vectors can be compared with the configured encoder's
 */
public record ServingGeneration(String name, Optional<String> builtWith, boolean vectorsComparable) {

    public ServingGeneration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(builtWith, "builtWith");
    }
}
