package dev.groundwork.eval;

import dev.groundwork.eval.Gold.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a question set. Two shapes are understood, told apart by the first line:
 * <ul>
 *   <li>Groundwork's own: {@code {id?, question, answers[], gold_passage_id | gold_file | gold_text, gold_pages?,
 *       answerable?}}; SQuAD-style {@code gold_context_id} is read as {@code gold_passage_id}, a gold field may be a
 *       list, and {@code gold_pages} (from 1) name the pages of a gold file that hold the answer.</li>
 *   <li>HotpotQA (distractor setting): {@code {_id, question, answer, context: [[title, [sentences]]..],
 *       supporting_facts: [[title, ..]..]}}. The corpus is every context paragraph, one passage per title (the
 *       first seen wins), and the gold is the supporting paragraphs' titles.</li>
 * </ul>
 */
final class QuestionReader {

    private QuestionReader() {
    }

    static QuestionSet read(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        JsonLines.read(file, (line, number) -> {
            lines.add(line);
            numbers.add(number);
        });
        if (lines.isEmpty()) {
            throw new EvalInputException(file + ": holds no questions");
        }
        boolean hotpot = lines.get(0).has("supporting_facts") && lines.get(0).has("context");
        Map<String, Passage> passages = new LinkedHashMap<>();
        List<Question> questions = new ArrayList<>(lines.size());
        Set<String> ids = new LinkedHashSet<>();
        boolean multiGold = false;
        for (int i = 0; i < lines.size(); i++) {
            try {
                Question question = hotpot ? hotpotQuestion(lines.get(i), numbers.get(i), passages)
                        : question(lines.get(i), numbers.get(i));
                if (!ids.add(question.id())) {
                    throw new IllegalArgumentException("question id '" + question.id() + "' is used twice");
                }
                multiGold |= question.gold().values().size() > 1;
                questions.add(question);
            } catch (IllegalArgumentException e) {
                throw new EvalInputException(file + ", line " + numbers.get(i) + ": " + e.getMessage(), e);
            }
        }
        return new QuestionSet(hotpot ? "hotpotqa" : "groundwork", questions, new ArrayList<>(passages.values()),
                multiGold);
    }

    private static Question question(JsonNode line, int number) {
        String id = JsonLines.optionalText(line, "id");
        String text = JsonLines.text(line, "question");
        List<String> answers = strings(line.get("answers"), "answers");
        boolean answerable = !line.has("answerable") || line.get("answerable").asBoolean(true);
        Gold gold = Gold.NONE;
        if (line.has("gold_passage_id") || line.has("gold_context_id")) {
            gold = new Gold(Kind.PASSAGE, strings(line.has("gold_passage_id") ? line.get("gold_passage_id")
                    : line.get("gold_context_id"), "gold_passage_id"));
        } else if (line.has("gold_file")) {
            gold = new Gold(Kind.FILE, strings(line.get("gold_file"), "gold_file"), pages(line.get("gold_pages")));
        } else if (line.has("gold_text")) {
            gold = new Gold(Kind.TEXT, strings(line.get("gold_text"), "gold_text"));
        }
        if (gold.values().isEmpty() && !gold.isNone()) {
            gold = Gold.NONE;
        }
        return new Question(id == null ? "line-" + number : id, text, answers, gold, answerable);
    }

    private static Question hotpotQuestion(JsonNode line, int number, Map<String, Passage> passages) {
        JsonNode context = line.get("context");
        if (context == null || !context.isArray()) {
            throw new IllegalArgumentException("field 'context' must be a list of [title, [sentences]]");
        }
        for (JsonNode paragraph : context.values()) {
            if (!paragraph.isArray() || paragraph.size() != 2 || !paragraph.get(1).isArray()) {
                throw new IllegalArgumentException("a context entry is not [title, [sentences]]");
            }
            String title = paragraph.get(0).asString();
            passages.computeIfAbsent(title, t -> new Passage(t, t, joinSentences(strings(paragraph.get(1), "context"))));
        }
        JsonNode facts = line.get("supporting_facts");
        if (facts == null || !facts.isArray() || facts.isEmpty()) {
            throw new IllegalArgumentException("field 'supporting_facts' must be a non-empty list");
        }
        Set<String> titles = new LinkedHashSet<>();
        for (JsonNode fact : facts.values()) {
            String title = fact.isArray() && fact.size() > 0 ? fact.get(0).asString() : null;
            if (title == null || !passages.containsKey(title)) {
                throw new IllegalArgumentException("supporting fact '" + title + "' is not a paragraph of the corpus");
            }
            titles.add(title);
        }
        String id = JsonLines.optionalText(line, "_id");
        String answer = JsonLines.optionalText(line, "answer");
        return new Question(id == null ? "line-" + number : id, JsonLines.text(line, "question"),
                answer == null ? List.of() : List.of(answer), new Gold(Kind.PASSAGE, List.copyOf(titles)), true);
    }

    /** HotpotQA keeps the space before a sentence in the sentence; put one in where it does not. */
    static String joinSentences(List<String> sentences) {
        StringBuilder text = new StringBuilder();
        for (String sentence : sentences) {
            if (text.length() > 0 && !sentence.isEmpty() && !Character.isWhitespace(sentence.charAt(0))
                    && !Character.isWhitespace(text.charAt(text.length() - 1))) {
                text.append(' ');
            }
            text.append(sentence);
        }
        return text.toString().strip();
    }

    private static List<Integer> pages(JsonNode node) {
        List<Integer> pages = new ArrayList<>();
        for (String page : strings(node, "gold_pages")) {
            try {
                pages.add(Integer.parseInt(page.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field 'gold_pages' must hold page numbers, not '" + page + "'");
            }
        }
        return pages;
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isString() || node.isNumber()) {
            return List.of(node.asString());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string or a list of strings");
        }
        List<String> values = new ArrayList<>(node.size());
        for (JsonNode value : node.values()) {
            if (!value.isString() && !value.isNumber()) {
                throw new IllegalArgumentException("field '" + field + "' must hold only strings");
            }
            values.add(value.asString());
        }
        return values;
    }
}
