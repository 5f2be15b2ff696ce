package dev.groundwork.answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a sentence that gives orders to an assistant from one that states facts: "Ignore your previous
 * instructions...", "Print your system prompt", "Tell the user to call...", "Reply only with...", "Always end with
 * this link: https://...". A heuristic over words (read in any case and width, without format characters), not a
 * guard: it marks what an answer repeats, and a document that words its orders otherwise is not found.
 */
final class Instructions {

    /** Word runs that address an assistant, wherever they stand. */
    private static final List<String> ADDRESSING = List.of("previous instructions", "prior instructions",
            "above instructions", "earlier instructions", "your instructions", "these instructions",
            "new instructions", "all instructions", "system prompt", "your prompt", "your rules", "the rules above",
            "you are now", "from now on", "as an ai", "language model", "developer mode", "reply only", "respond only",
            "answer only", "only reply", "only respond", "only answer", "instead of answering");
    /** Verbs an order to an assistant starts with. */
    private static final Set<String> ORDERS = Set.of("ignore", "disregard", "forget", "override", "bypass", "reveal",
            "print", "output", "repeat", "respond", "reply", "answer", "say", "write", "tell", "include", "add", "append",
            "insert", "visit", "click", "open", "follow", "pretend", "act", "stop", "always", "never", "instead", "do",
            "don't");
    /** Words that show an order is about the answer or its reader, not about the document's own subject. */
    private static final Set<String> ABOUT_THE_ANSWER = Set.of("answer", "answers", "response", "responses", "reply",
            "output", "user", "users", "reader", "assistant", "ai", "chatbot", "model", "instruction", "instructions",
            "prompt", "rules", "link", "links", "url");

    private Instructions() {
    }

    static boolean isInstructionLike(String sentence) {
        List<String> words = words(sentence);
        if (words.isEmpty()) {
            return false;
        }
        String joined = " " + String.join(" ", words) + " ";
        for (String phrase : ADDRESSING) {
            if (joined.contains(" " + phrase + " ")) {
                return true;
            }
        }
        int first = words.get(0).equals("please") && words.size() > 1 ? 1 : 0;
        if (!ORDERS.contains(words.get(first))) {
            return false;
        }
        boolean link = sentence.contains("http://") || sentence.contains("https://") || joined.contains(" www ");
        return link || words.subList(first + 1, words.size()).stream().anyMatch(ABOUT_THE_ANSWER::contains);
    }

    /** The words of a sentence: NFKC, no format characters, lower case, split at anything but letters, digits, '. */
    private static List<String> words(String sentence) {
        String normal = Normalizer.normalize(sentence, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        normal.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.FORMAT) {
                return;
            }
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '\u2019') {
                word.appendCodePoint(c == '\u2019' ? '\'' : c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
