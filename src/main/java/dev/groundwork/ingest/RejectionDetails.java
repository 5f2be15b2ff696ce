package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;

/**
 * The sentence a client is told when a document is refused. Refusals are worded by Groundwork, never by a parser: a
 * parser's own message can hold an absolute path, an exception's name or a piece of the document, and a worker's
 * reply cannot be trusted to be what Groundwork worded. This is the last check before such text would reach a client.
 */
final class RejectionDetails {

    /** Longer than any sentence Groundwork words for a refusal. */
    private static final int MAX_LENGTH = 400;

    private RejectionDetails() {
    }

    /** The sentence for a refusal of this reason, when no other can be trusted. */
    static String standard(Reason reason) {
        return switch (reason) {
            case UNSUPPORTED_TYPE -> "The file is not a document Groundwork can read.";
            case NO_TEXT -> "No text could be extracted from the file (a scanned or image-only document?).";
            case TOO_LARGE -> "The file is larger than the limit.";
            case MALFORMED -> "The file could not be read: it is damaged, cut short, or not what its type says.";
            case ENCRYPTED -> "The document is protected by a password.";
            case EXPANDS_TOO_MUCH -> "The document expands beyond what the limits allow.";
            case TOO_DEEP -> "The document nests its parts deeper than the limits allow.";
            case TOO_MANY_PAGES -> "The document has more pages than the limit.";
            case TOO_MANY_PIXELS -> "The image has more pixels than the OCR limit.";
            case TIMEOUT -> "The document was still being read at the time limit.";
            case NO_READABLE_MEMBERS -> "Nothing in the archive or mailbox could be read.";
        };
    }

    /** {@code detail} if it is a plain sentence, else the standard one for the reason. */
    static String forClient(Reason reason, String detail) {
        return isPlainSentence(detail) ? detail : standard(reason);
    }

    /**
     * Whether a text reads as a sentence Groundwork worded: short, on one line, without control or format characters,
     * an absolute path, a qualified class name, or an exception's name.
     */
    static boolean isPlainSentence(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return false;
            }
        }
        for (String word : text.split(" ")) {
            String bare = stripQuotes(word);
            if (bare.startsWith("/") && bare.indexOf('/', 1) > 0 || bare.startsWith("file:")
                    || bare.length() > 2 && bare.charAt(1) == ':' && bare.charAt(2) == '\\'
                    || isQualifiedName(bare) || bare.matches("\\w*(Exception|Error):?")) {
                return false;
            }
        }
        return true;
    }

    private static String stripQuotes(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && "'\"(<[".indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "'\")>].,;:".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(start, end);
    }

    /** Like {@code org.apache.pdfbox.Thing}: three or more dot-separated identifiers, the first in lower case. */
    private static boolean isQualifiedName(String word) {
        String[] parts = word.split("\\.");
        if (parts.length < 3 || parts[0].isEmpty() || !Character.isLowerCase(parts[0].charAt(0))) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))
                    || !part.chars().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }
}
