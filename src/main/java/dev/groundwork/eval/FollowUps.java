package dev.groundwork.eval;

import dev.groundwork.eval.Gold.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A follow-up set made from a question set whose questions name their passage (SQuAD): pairs of questions on one
 * passage, the second made a follow-up by replacing the words it shares with the first (its subject, "Super Bowl
 * 50") with a pronoun, or by leaving them out with their preposition ("... at Super Bowl 50?" becomes "...?"),
 * every other pair. Each pair is asked four ways, each counted in a group of its own: the second question as
 * written, the follow-up alone, the follow-up after the first question (the conversation), and the second
 * question as written after a question on another passage (a new topic, where carrying the old one can only hurt).
 */
final class FollowUps {

    static final String AS_WRITTEN = "1 as written";
    static final String ALONE = "2 follow-up alone";
    static final String WITH_HISTORY = "3 follow-up after the first question";
    static final String NEW_TOPIC = "4 as written, after a question on another passage";

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}'’.-]*[\\p{L}\\p{N}])?");
    /** Words a question is made of, not what it is about: never a subject alone. */
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for",
            "by", "with", "from", "and", "or", "is", "was", "are", "were", "be", "been", "did", "do", "does", "what",
            "which", "who", "whom", "whose", "when", "where", "why", "how", "many", "much", "that", "this", "these",
            "those", "it", "its", "as", "during", "after", "before", "than", "can", "could", "would", "should",
            "has", "have", "had", "if", "while", "since", "under", "over", "according", "besides", "along");
    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "of", "for", "on", "during", "by", "from",
            "with", "to", "about", "within", "inside");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an");
    private static final Set<String> CONNECTORS = Set.of("of", "and", "the", "de", "&");

    private record Word(String text, int start, int end) {
        String key() {
            return text.toLowerCase(Locale.ROOT).replaceAll("['’]s$", "");
        }
    }

    private FollowUps() {
    }

    /** The four questions of each pair that yields a follow-up, in pair order. */
    static List<Question> of(List<Question> questions) {
        List<List<Question>> byPassage = new ArrayList<>(byPassage(questions).values());
        List<Question[]> pairs = new ArrayList<>();
        for (List<Question> onPassage : byPassage) {
            for (int i = 0; i + 1 < onPassage.size(); i += 2) {
                pairs.add(new Question[] {onPassage.get(i), onPassage.get(i + 1)});
            }
        }
        List<Question> set = new ArrayList<>();
        int made = 0;
        for (int p = 0; p < pairs.size(); p++) {
            Question first = pairs.get(p)[0];
            Question second = pairs.get(p)[1];
            String followUp = followUp(first.text(), second.text(), made % 2 == 1);
            if (followUp == null) {
                continue;
            }
            made++;
            // the first question of the next pair on another passage stands for a question on another topic
            Question elsewhere = first;
            for (int q = 1; q < pairs.size() && elsewhere.gold().equals(second.gold()); q++) {
                elsewhere = pairs.get((p + q) % pairs.size())[0];
            }
            String id = second.id();
            set.add(asked(second, id + "/as-written", second.text(), AS_WRITTEN, List.of()));
            set.add(asked(second, id + "/alone", followUp, ALONE, List.of()));
            set.add(asked(second, id + "/after-first", followUp, WITH_HISTORY, List.of(first.text())));
            if (!elsewhere.gold().equals(second.gold())) {
                set.add(asked(second, id + "/new-topic", second.text(), NEW_TOPIC, List.of(elsewhere.text())));
            }
        }
        return set;
    }

    private static Question asked(Question of, String id, String text, String group, List<String> history) {
        return new Question(id, text, of.answers(), of.gold(), of.answerable(), group, history);
    }

    private static Map<String, List<Question>> byPassage(List<Question> questions) {
        Map<String, List<Question>> byPassage = new LinkedHashMap<>();
        for (Question question : questions) {
            if (question.gold().kind() == Kind.PASSAGE && question.gold().values().size() == 1) {
                byPassage.computeIfAbsent(question.gold().values().get(0), id -> new ArrayList<>()).add(question);
            }
        }
        return byPassage;
    }

    /**
     * The second question as a follow-up of the first: the longest name they share (a run of capitalised words and
     * numbers, "Super Bowl 50", "the Broncos") replaced by a pronoun, or, when {@code leaveOut} and it follows a
     * preposition, left out with it; null when they share no name or the follow-up would be too short to be a
     * question.
     */
    static String followUp(String first, String second, boolean leaveOut) {
        String firstKeys = " " + String.join(" ", words(first).stream().map(Word::key).toList()) + " ";
        List<Word> b = words(second);
        int from = -1;
        int to = -1;
        for (int i = 0; i < b.size(); i++) {
            int end = nameEnd(b, i);
            if (end > i && end - i > to - from && firstKeys.contains(" " + String.join(" ",
                    b.subList(i, end).stream().map(Word::key).toList()) + " ")) {
                from = i;
                to = end;
            }
            i = Math.max(i, end - 1);
        }
        if (from < 0) {
            return null;
        }
        boolean possessive = b.get(to - 1).text().matches(".*['’]s");
        if (from > 0 && DETERMINERS.contains(b.get(from - 1).key())) {
            from--;
        }
        String followUp;
        if (leaveOut && from > 1 && PREPOSITIONS.contains(b.get(from - 1).key()) && b.size() - (to - from + 1) >= 4) {
            followUp = second.substring(0, b.get(from - 2).end()) + second.substring(b.get(to - 1).end());
        } else {
            String pronoun = (possessive ? "its" : "it");
            if (from == 0) {
                pronoun = Character.toUpperCase(pronoun.charAt(0)) + pronoun.substring(1);
            }
            followUp = second.substring(0, b.get(from).start()) + pronoun + second.substring(b.get(to - 1).end());
        }
        followUp = followUp.replaceAll("\\s+", " ").replaceAll(" ([?.!,])", "$1").strip();
        return words(followUp).size() >= 3 && !followUp.equalsIgnoreCase(second.strip()) ? followUp : null;
    }

    /**
     * Where the name starting at word {@code i} ends (exclusive): capitalised words, numbers among them, and "of",
     * "and", "the" between capitalised words; {@code i} itself when no name starts there (a first word a question
     * starts with, "What", "In", is none).
     */
    private static int nameEnd(List<Word> words, int i) {
        Word word = words.get(i);
        if (!Character.isUpperCase(word.text().codePointAt(0)) || i == 0 && FUNCTION_WORDS.contains(word.key())) {
            return i;
        }
        int end = i + 1;
        int j = i + 1;
        while (j < words.size()) {
            Word next = words.get(j);
            if (Character.isUpperCase(next.text().codePointAt(0)) || Character.isDigit(next.text().codePointAt(0))) {
                end = ++j;
            } else if (CONNECTORS.contains(next.key()) && j + 1 < words.size()
                    && Character.isUpperCase(words.get(j + 1).text().codePointAt(0))) {
                j++;
            } else {
                break;
            }
        }
        return end;
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
