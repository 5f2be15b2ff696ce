package dev.groundwork.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Makes a follow-up stand alone without a language model, by carrying what the previous question was about: its
 * subject (the longest run of capitalised words, "Super Bowl 50", "Bank of America") or, when it names none, its
 * content words. A pronoun ("when did it open?", "what is its capital?") takes the subject's place; "what about
 * 2022?" takes the place of the previous question's year (or name) in that question; a follow-up that leaves its
 * subject out gets it added in brackets. A follow-up without a pronoun that names something the previous question
 * did not is taken as a new question and kept as it is (carrying the old subject into it cost 6 points of recall@1). Measured on follow-ups made from SQuAD (BENCHMARKS.md, "Follow-up questions").
 */
@Component
public final class TermCarryingCondenser implements Condenser {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}'’&.-]*[\\p{L}\\p{N}])?");
    private static final Pattern ABOUT = Pattern.compile(
            "^(?:(?:and|but|so)\\s+)?(?:what|how)\\s+about\\s+(.+?)\\s*[?.!]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("^(?:and|but)\\s+(?:(?:for|in|of|with|on)\\s+)?(.+?)\\s*[?.!]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("(?:1[5-9]|20)\\d\\d");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("it", "they", "them", "he", "him", "she");
    private static final Set<String> POSSESSIVES = Set.of("its", "their", "his");
    private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "de", "for", "&", "on", "upon");
    /** "and X?" is a follow-up only when X is short; a longer one is a question of its own. */
    private static final int MAX_AND_WORDS = 4;
    /** Content words carried from a previous question that names no subject. */
    private static final int MAX_CARRIED_WORDS = 6;

    /** A word of a question and where it stands. */
    private record Word(String text, int start, int end) {
        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0));
        }

        boolean number() {
            return Character.isDigit(text.codePointAt(0));
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String condense(Conversation conversation, String followUp) {
        String previous = null;
        for (Turn turn : conversation.turns()) {
            // each earlier question made standalone in turn, so that a chain of follow-ups keeps its subject
            previous = previous == null ? turn.question().strip() : rewrite(previous, turn.question());
        }
        return previous == null ? followUp.strip() : rewrite(previous, followUp);
    }

    /** The follow-up, standing alone, given the (standalone) question before it. */
    String rewrite(String previous, String followUp) {
        String question = followUp.strip();
        if (question.isEmpty() || previous.isBlank()) {
            return question;
        }
        // 1. "what about 2022?": the previous question, about that instead
        Matcher about = ABOUT.matcher(question);
        Matcher and = AND.matcher(question);
        if (about.matches()) {
            return instead(previous, about.group(1));
        }
        if (and.matches() && words(and.group(1)).size() <= MAX_AND_WORDS) {
            return instead(previous, and.group(1));
        }
        List<Word> previousWords = words(previous);
        String subject = subject(previousWords);
        // 2. a pronoun stands for the previous question's subject
        if (subject != null) {
            String replaced = replacePronoun(question, subject);
            if (replaced != null) {
                return replaced;
            }
        }
        // 3. a question that names something new is a new one
        List<Word> words = words(question);
        String before = previous.toLowerCase(Locale.ROOT);
        if (entities(words).stream().anyMatch(entity -> !before.contains(entity.toLowerCase(Locale.ROOT)))) {
            return question;
        }
        // 4. otherwise the subject was left out: carry it
        String carried = subject != null ? subject : contentWords(previousWords, question);
        if (carried.isEmpty() || question.toLowerCase(Locale.ROOT).contains(carried.toLowerCase(Locale.ROOT))) {
            return question;
        }
        return question + " (" + carried + ")";
    }

    /** The previous question with {@code topic} in place of its year, or its subject; else both side by side. */
    private static String instead(String previous, String topic) {
        List<Word> topicWords = words(topic);
        List<Word> previousWords = words(previous);
        if (topicWords.size() == 1 && YEAR.matcher(topicWords.get(0).text()).matches()) {
            for (Word word : previousWords) {
                if (YEAR.matcher(word.text()).matches()) {
                    return previous.substring(0, word.start()) + topicWords.get(0).text() + previous.substring(word.end());
                }
            }
        }
        String subject = subject(previousWords);
        if (subject != null && !topicWords.isEmpty() && topicWords.get(0).capitalised()) {
            int at = previous.indexOf(subject);
            if (at >= 0) {
                return previous.substring(0, at) + topic + previous.substring(at + subject.length());
            }
        }
        return previous + " (" + topic + ")";
    }

    /** The follow-up with its first personal pronoun replaced by the subject; null when it has none. */
    private static String replacePronoun(String question, String subject) {
        List<Word> words = words(question);
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            String lower = word.lower();
            boolean possessive = POSSESSIVES.contains(lower)
                    || lower.equals("her") && i + 1 < words.size() && !Terms.isStopWord(words.get(i + 1).lower());
            if (possessive || SUBJECT_PRONOUNS.contains(lower) || lower.equals("her")) {
                String replacement = possessive ? subject + (subject.endsWith("s") ? "'" : "'s") : subject;
                return question.substring(0, word.start()) + replacement + question.substring(word.end());
            }
        }
        return null;
    }

    /** What a question is about: its longest name (the first of the longest), or null when it names nothing. */
    private static String subject(List<Word> words) {
        String best = null;
        int bestLength = 0;
        for (String entity : entities(words)) {
            int length = words(entity).size();
            if (length > bestLength) {
                best = entity;
                bestLength = length;
            }
        }
        return best;
    }

    /**
     * The names of a question: runs of capitalised words and the numbers among them, joined by "of", "the"...
     * ("Super Bowl 50", "Bank of America"), without a possessive 's. The first word counts only when it is not a word
     * questions start with ("What", "In", "Did").
     */
    private static List<String> entities(List<Word> words) {
        List<String> entities = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Word word = words.get(i);
            boolean starts = word.capitalised() && !(i == 0 && Terms.isStopWord(word.lower()));
            if (!starts) {
                i++;
                continue;
            }
            int last = i;
            int j = i + 1;
            while (j < words.size()) {
                Word next = words.get(j);
                if (next.capitalised() || next.number()) {
                    last = j;
                    j++;
                } else if (CONNECTORS.contains(next.lower()) && j + 1 < words.size() && words.get(j + 1).capitalised()) {
                    j++;
                } else {
                    break;
                }
            }
            entities.add(String.join(" ", words.subList(i, last + 1).stream().map(Word::text).toList())
                    .replaceAll("['’]s$", ""));
            i = last + 1;
        }
        return entities;
    }

    /** The previous question's content words that the follow-up does not have, in their order. */
    private static String contentWords(List<Word> previous, String followUp) {
        Set<String> present = Terms.of(followUp);
        List<String> carried = new ArrayList<>();
        for (Word word : previous) {
            Set<String> terms = Terms.of(word.text());
            if (!terms.isEmpty() && !present.containsAll(terms) && carried.size() < MAX_CARRIED_WORDS
                    && !carried.contains(word.text())) {
                carried.add(word.text());
            }
        }
        return String.join(" ", carried);
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new Word(matcher.group(), matcher.start(), matcher.end()));
        }
        return words;
    }
}
