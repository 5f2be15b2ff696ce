package dev.groundwork.ingest;

import dev.groundwork.ingest.ParseProtocol.ProtocolException;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What one reply of a parse worker may hold: no more than the service would accept from a parse of its own. The text
 * of a document is at most {@code max-characters}; its pages show it with a line break or two between blocks, and
 * each block holds at least one character, so its pages hold at most three times that, and as many blocks; headings
 * are text of the document too. A worker cannot go past this, so one that does was taken over: its reply is a
 * protocol error, found before the bytes are read. A container's members, with their documents, share one budget: a
 * container's text is held to {@code max-characters} as a document's is.
 */
final class ReplyBudget {

    /** A content type or a reason code. */
    static final int MAX_NAME_CHARS = 255;
    /** Titles are cut to 300 characters; a few more for what a worker adds. */
    static final int MAX_TITLE_CHARS = 1_000;
    /** A refusal's message is a sentence. */
    static final int MAX_MESSAGE_CHARS = 2_000;
    /** Blocks carry at most six heading levels, then the names of the attachments they sit in, one per level. */
    private static final int HEADING_LEVELS = 6;
    /** E-mail headers, attachment names and the like: text a document shows beyond what its parser counted. */
    private static final long HEADROOM_CHARS = 1_000_000;

    private final ParseLimits limits;
    private long chars;
    private long blocks;
    private long members;

    ReplyBudget(ParseLimits limits) {
        this.limits = limits;
        this.chars = 3 * limits.maxCharacters() + HEADROOM_CHARS;
        this.blocks = limits.maxCharacters();
    }

    /** A paged document stops at the page limit; a document without pages has one page, numbered null. */
    int maxPages() {
        return limits.maxPages();
    }

    int maxBlocks() {
        return (int) Math.min(Integer.MAX_VALUE, blocks);
    }

    int maxHeadingDepth() {
        return HEADING_LEVELS + limits.maxEmbeddedDepth() + 1;
    }

    /** A count of items, within {@code max}. */
    int count(DataInputStream in, String what, int max) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > max) {
            throw new ProtocolException(what + " out of range: " + count);
        }
        return count;
    }

    /** One more member of a container: no more than a container may hold. */
    void countMember() throws ProtocolException {
        if (++members > limits.maxEmbeddedCount()) {
            throw new ProtocolException("more members than a container may hold");
        }
    }

    void spendBlocks(int count) throws ProtocolException {
        blocks -= count;
        if (blocks < 0) {
            throw new ProtocolException("more blocks than the text allows");
        }
    }

    /**
     * A string of at most {@code maxChars} characters, and within what is left of the reply's characters: checked on
     * its length in bytes before it is read (UTF-8 takes at least one byte a character, at most three), and on its
     * characters once decoded.
     */
    String readString(DataInputStream in, int maxChars) throws IOException {
        long allowed = Math.min(maxChars, chars);
        int length = in.readInt();
        if (length < 0 || length > Math.min(Integer.MAX_VALUE - 8, 3 * allowed)) {
            throw new ProtocolException("string of " + length + " bytes, more than the reply may hold");
        }
        String value = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        if (value.length() > allowed) {
            throw new ProtocolException("string of " + value.length() + " characters, more than the reply may hold");
        }
        chars -= value.length();
        return value;
    }
}
