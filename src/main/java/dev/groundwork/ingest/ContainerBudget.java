package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;

/**
 * What one container (an archive, a mailbox, with the containers inside it) may unpack to, under the limits a
 * document and its embedded files have: {@code max-embedded-count} members in all, {@code max-embedded-depth} levels
 * of containers in containers, bytes unpacked within the compression ratio of the file (and never less than a file
 * may be), and text within the ratio past its first million characters and within {@code max-characters}. Past any
 * of them the whole container is refused, as a bomb or a quine would be: one tripped limit stays tripped, since
 * Tika's archive parsers catch some of what is thrown inside them.
 */
final class ContainerBudget {

    private final ParseLimits limits;
    private final long maxUnpackedBytes;
    private final long maxCharacters;
    private ParseLimitException tripped;
    private int members;
    private long unpackedBytes;
    private long characters;

    ContainerBudget(ParseLimits limits, long containerBytes) {
        this.limits = limits;
        this.maxUnpackedBytes = limits.maxUnpackedBytes(containerBytes);
        this.maxCharacters = limits.maxContainerCharacters(containerBytes);
    }

    /** Throws the limit already passed, if one was. */
    void check() throws ParseLimitException {
        if (tripped != null) {
            throw tripped;
        }
    }

    ParseLimitException tripped() {
        return tripped;
    }

    /** One more member (of any kind), {@code depth} containers deep (1 for a member of the file itself). */
    void countMember(int depth) throws ParseLimitException {
        check();
        if (++members > limits.maxEmbeddedCount()) {
            throw trip(Reason.EXPANDS_TOO_MUCH, "The archive or mailbox holds more than " + limits.maxEmbeddedCount()
                    + " files and messages.");
        }
        if (depth > limits.maxEmbeddedDepth()) {
            throw trip(Reason.TOO_DEEP, "The archive nests archives more than " + limits.maxEmbeddedDepth()
                    + " levels deep.");
        }
    }

    /** Bytes unpacked from the container, members and nested containers alike. */
    void countBytes(long bytes) throws ParseLimitException {
        unpackedBytes += bytes;
        if (unpackedBytes > maxUnpackedBytes) {
            throw trip(Reason.EXPANDS_TOO_MUCH, "The archive unpacks to far more than its size (a zip bomb?).");
        }
    }

    /** The text of a member read. */
    void countCharacters(long memberCharacters) throws ParseLimitException {
        characters += memberCharacters;
        if (characters > maxCharacters) {
            throw trip(Reason.EXPANDS_TOO_MUCH, characters > limits.maxCharacters()
                    ? "The archive or mailbox holds more than " + limits.maxCharacters() + " characters of text."
                    : "The archive or mailbox holds far more text than its size allows (a zip bomb?).");
        }
    }

    private ParseLimitException trip(Reason reason, String message) {
        if (tripped == null) {
            tripped = new ParseLimitException(reason, message);
        }
        return tripped;
    }
}
