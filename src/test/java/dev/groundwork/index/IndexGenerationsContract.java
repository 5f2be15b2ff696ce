package dev.groundwork.index;

import static dev.groundwork.index.IndexFixtures.chunk;
import static dev.groundwork.index.IndexFixtures.document;
import static dev.groundwork.index.IndexFixtures.put;
import static dev.groundwork.index.IndexFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link IndexGenerations} lifecycle does, together with the {@link ServingIndex}
 * that lends its serving generation. An index backend proves it by extending this class with how to open its
 * generational index at one place (each call of {@link #open()} in a test opens the same one again, as a restart
 * would); nothing here knows how a backend keeps or names its generations.
 */
public abstract class IndexGenerationsContract {

    /** The two roles of one opened generational index, and how to close it. */
    public record Opened(IndexGenerations generations, ServingIndex<ChunkIndex> serving, AutoCloseable closer) {
    }

    private final List<Opened> opened = new ArrayList<>();

    /** Opens the implementation under test at the test's place: empty the first time, as it was left after that. */
    protected abstract Opened openAtTheTestsPlace();

    private Opened open() {
        Opened index = openAtTheTestsPlace();
        opened.add(index);
        return index;
    }

    private void close(Opened index) throws Exception {
        opened.remove(index);
        index.closer().close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (Opened index : List.copyOf(opened)) {
            close(index);
        }
    }

    private static List<String> served(Opened index) {
        return index.serving().use(serving -> serving.documents().stream().map(DocumentRecord::id).toList());
    }

    @Test
    void aNewIndexServesAnEmptyGenerationWithNothingRecorded() {
        Opened index = open();

        ServingGeneration serving = index.generations().serving();

        assertThat(serving.builtWith()).isEmpty();
        assertThat(serving.vectorsComparable()).isTrue();
        assertThat(served(index)).isEmpty();
    }

    @Test
    void whatTheServingGenerationWasBuiltWithIsRecordedAndSurvivesAReopen() throws Exception {
        Opened index = open();
        index.serving().use(serving -> put(serving, "a1", "One", "kept text"));

        index.generations().recordBuiltWith("p1");
        assertThat(index.generations().serving().builtWith()).contains("p1");
        String name = index.generations().serving().name();
        close(index);

        Opened reopened = open();
        assertThat(reopened.generations().serving().name()).isEqualTo(name);
        assertThat(reopened.generations().serving().builtWith()).contains("p1");
        assertThat(served(reopened)).containsExactly("a1");
    }

    @Test
    void aSwitchedInGenerationServesWhatItWasFilledWithAndRecordsItsPipeline() {
        Opened index = open();
        index.serving().use(serving -> put(serving, "a1", "Old", "the old apple orchard"));
        String before = index.generations().serving().name();

        NextGeneration next = index.generations().startNext();
        put(next.store(), "b2", "New", "the new apple press");
        assertThat(served(index)).as("the next generation is private until the switch").containsExactly("a1");
        index.generations().switchTo(next, "p2");

        ServingGeneration after = index.generations().serving();
        assertThat(after.name()).isEqualTo(next.name()).isNotEqualTo(before);
        assertThat(after.builtWith()).contains("p2");
        assertThat(served(index)).containsExactly("b2");
    }

    @Test
    void aUseInProgressKeepsTheGenerationItAcquiredWhileNewUsesGetTheSwitchedInOne() {
        Opened index = open();
        index.serving().use(serving -> put(serving, "a1", "Old", "the old apple orchard"));
        NextGeneration next = index.generations().startNext();
        put(next.store(), "b2", "New", "the new apple press");

        ChunkIndex held = index.serving().acquire();
        try {
            index.generations().switchTo(next, "p2");

            assertThat(held.searchText("apple", 5, ChunkFilter.NONE)).extracting(hit -> hit.document().id())
                    .as("a search that acquired before the switch sees its generation whole").containsExactly("a1");
            assertThat(held.documents()).extracting(DocumentRecord::id).containsExactly("a1");
            List<ChunkHit> now = index.serving().use(serving -> serving.searchText("apple", 5, ChunkFilter.NONE));
            assertThat(now).extracting(hit -> hit.document().id()).as("a new use gets the new generation")
                    .containsExactly("b2");
        } finally {
            index.serving().release(held);
        }
        assertThat(served(index)).containsExactly("b2");
    }

    @Test
    void aDiscardedGenerationLeavesTheServingOneAndCannotBeSwitchedIn() {
        Opened index = open();
        index.serving().use(serving -> put(serving, "a1", "Kept", "kept text"));
        index.generations().recordBuiltWith("p1");
        ServingGeneration before = index.generations().serving();
        NextGeneration next = index.generations().startNext();
        put(next.store(), "b2", "Thrown away", "thrown away");

        index.generations().discard(next);

        assertThat(index.generations().serving()).isEqualTo(before);
        assertThat(served(index)).containsExactly("a1");
        assertThatThrownBy(() -> index.generations().switchTo(next, "p2")).isInstanceOf(IllegalStateException.class);
        NextGeneration another = index.generations().startNext();
        assertThat(another.store().documents()).as("a new next generation starts empty").isEmpty();
        index.generations().discard(another);
    }

    @Test
    void oneNextGenerationIsBuiltAtATime() {
        Opened index = open();
        NextGeneration next = index.generations().startNext();

        assertThatThrownBy(() -> index.generations().startNext()).isInstanceOf(IllegalStateException.class);
        index.generations().discard(next);
    }

    @Test
    void aReopenServesTheSwitchedInGenerationAndForgetsAnUnfinishedOne() throws Exception {
        Opened index = open();
        NextGeneration switched = index.generations().startNext();
        put(switched.store(), "b2", "Switched", "switched in");
        index.generations().switchTo(switched, "p2");
        NextGeneration unfinished = index.generations().startNext();
        put(unfinished.store(), "c3", "Unfinished", "never switched in");
        close(index);

        Opened reopened = open();

        assertThat(reopened.generations().serving().name()).isEqualTo(switched.name());
        assertThat(reopened.generations().serving().builtWith()).contains("p2");
        assertThat(served(reopened)).containsExactly("b2");
        NextGeneration fresh = reopened.generations().startNext();
        assertThat(fresh.store().documents()).isEmpty();
        reopened.generations().discard(fresh);
    }

    @Test
    void vectorsOfAnotherEncoderAreNeitherSearchedNorMixedInUntilARebuiltGenerationServes() {
        Opened index = open();
        index.serving().use(serving -> put(serving, "a1", "Old vectors", "old vectors here"));

        index.generations().vectorsComparable(false);
        index.serving().use(serving -> {
            // a document made by the new encoder, whose vectors have another length
            serving.upsert(document("b2", "New", "text/plain", 1),
                    List.of(chunk(0, "new words here", "", 1, 0, 0, 0, 0, 0, 0, 0)));
            serving.commit();
            return null;
        });

        assertThat(index.generations().serving().vectorsComparable()).isFalse();
        index.serving().use(serving -> {
            assertThat(serving.vectorsComparable()).isFalse();
            assertThat(serving.searchText("words", 5, ChunkFilter.NONE)).extracting(hit -> hit.document().id())
                    .containsExactly("b2");
            assertThatThrownBy(() -> serving.searchVector(unit(1, 0), 5, ChunkFilter.NONE))
                    .isInstanceOf(IndexUnavailableException.class);
            return null;
        });

        NextGeneration rebuilt = index.generations().startNext();
        put(rebuilt.store(), "b2", "New", "new words here");
        index.generations().switchTo(rebuilt, "p2");
        assertThat(index.generations().serving().vectorsComparable()).isTrue();
        List<ChunkHit> nearest = index.serving().use(serving -> serving.searchVector(unit(1, 0), 5, ChunkFilter.NONE));
        assertThat(nearest).extracting(hit -> hit.document().id()).containsExactly("b2");
    }
}
