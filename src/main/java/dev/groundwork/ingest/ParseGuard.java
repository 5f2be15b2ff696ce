package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;

/**
 * Counts what one parse has produced against its limits, and remembers the first limit it passed. Parsers
 * swallow some exceptions of embedded documents; the parse is refused all the same because the guard,
 * once tripped, stays tripped and is asked again when the parser returns.
 */
final class ParseGuard {

    private final ParseLimits limits;
    private final ParseDeadline deadline;
    private ParseLimitException tripped;
    private int embeddedDepth;
    private int embeddedCount;
    private int pages;

    ParseGuard(ParseLimits limits, ParseDeadline deadline) {
        this.limits = limits;
        this.deadline = deadline;
    }

    ParseLimits limits() {
        return limits;
    }

    ParseDeadline deadline() {
        return deadline;
    }

    /**
     * Throws again the limit already passed, so a parser that swallowed it stops at the next callback; and throws
     * once the deadline has passed.
     */
    void check() throws ParseLimitException {
        if (tripped != null) {
            throw tripped;
        }
        try {
            deadline.check();
        } catch (ParseLimitException late) {
            throw trip(late.reason(), late.getMessage());
        }
    }

    ParseLimitException trip(Reason reason, String message) {
        if (tripped == null) {
            tripped = new ParseLimitException(reason, message);
        }
        return tripped;
    }

    ParseLimitException tripped() {
        return tripped;
    }

    void enterEmbedded() throws ParseLimitException {
        check();
        if (++embeddedCount > limits.maxEmbeddedCount()) {
            throw trip(Reason.EXPANDS_TOO_MUCH,
                    "The document holds more than " + limits.maxEmbeddedCount() + " attachments and embedded files.");
        }
        if (++embeddedDepth > limits.maxEmbeddedDepth()) {
            throw trip(Reason.TOO_DEEP, "The document nests attachments or embedded files more than "
                    + limits.maxEmbeddedDepth() + " levels deep.");
        }
    }

    void leaveEmbedded() {
        embeddedDepth--;
    }

    void countPage() throws ParseLimitException {
        if (++pages > limits.maxPages()) {
            throw trip(Reason.TOO_MANY_PAGES, "The document has more than " + limits.maxPages() + " pages.");
        }
    }

    void checkNesting(int depth) throws ParseLimitException {
        if (depth > limits.maxNestingDepth()) {
            throw trip(Reason.TOO_DEEP, "The document nests its elements more than " + limits.maxNestingDepth()
                    + " levels deep.");
        }
    }

    void checkCharacters(long characters) throws ParseLimitException {
        if (characters > limits.maxCharacters()) {
            throw trip(Reason.EXPANDS_TOO_MUCH,
                    "The document holds more than " + limits.maxCharacters() + " characters of text.");
        }
    }
}
