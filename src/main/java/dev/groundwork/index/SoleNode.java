package dev.groundwork.index;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The leadership of a node that shares its index with no other (the embedded index): it always leads. */
public final class SoleNode implements Leadership {

    private final String node;
    private final AtomicReference<String> shared = new AtomicReference<>();

    public SoleNode(String node) {
        this.node = node;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean leads() {
        return true;
    }

    @Override
    public Optional<String> leader() {
        return Optional.of(node);
    }

    @Override
    public void share(String text) {
        shared.set(text);
    }

    @Override
    public Optional<String> shared() {
        return Optional.ofNullable(shared.get());
    }
}
