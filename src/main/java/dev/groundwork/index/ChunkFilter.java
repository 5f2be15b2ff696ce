package dev.groundwork.index;

import java.util.Set;

/** Restricts a search to some documents or content types; an empty set does not restrict. */
public record ChunkFilter(Set<String> documentIds, Set<String> contentTypes) {

    public static final ChunkFilter NONE = new ChunkFilter(Set.of(), Set.of());

    public ChunkFilter {
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        contentTypes = contentTypes == null ? Set.of() : Set.copyOf(contentTypes);
    }

    public boolean isEmpty() {
        return documentIds.isEmpty() && contentTypes.isEmpty();
    }
}
