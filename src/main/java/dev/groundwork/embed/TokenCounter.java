package dev.groundwork.embed;

/** Measures text in the tokens of an encoder's tokenizer, special tokens not counted. */
public interface TokenCounter {

    int count(String text);

    /**
     * The character index at which the first {@code maxTokens} tokens of {@code text} end; the length of the
     * text when it has no more than that many tokens.
     */
    int prefixEnd(String text, int maxTokens);
}
