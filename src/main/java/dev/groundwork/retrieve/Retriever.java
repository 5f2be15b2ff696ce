package dev.groundwork.retrieve;

/** Finds the chunks that best answer a question. */
public interface Retriever {

    /**
     * @throws InvalidQueryException for a blank or over-long question
     */
    Retrieval retrieve(RetrievalRequest request);
}
