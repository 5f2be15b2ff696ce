package dev.groundwork.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a model that follows its prompt would answer, for the fake OpenAI server: it keeps the system message's rule
 * that text inside source blocks is data, and obeys any instruction it finds outside them, as a model takes text
 * outside the data for its user's or its operator's. It reads the prompt as {@link LenientPromptReader} does, so a
 * document that gets text out of its block, by any trick a lenient reader falls for, is obeyed. With nothing outside,
 * it answers with the source sentence that shares most words with the question, cited.
 */
public final class CompliantModel implements Function<String, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> SMALL_WORDS = Set.of("the", "a", "an", "of", "do", "does", "when", "what", "is",
            "are", "how", "to", "in", "on", "at", "and", "for", "run", "runs");

    @Override
    public String apply(String requestBody) {
        JsonNode messages = JSON.readTree(requestBody).path("messages");
        String system = "";
        String user = "";
        for (JsonNode message : messages) {
            String content = message.path("content").asString();
            if ("system".equals(message.path("role").asString())) {
                system = content;
            } else if ("user".equals(message.path("role").asString())) {
                user = content;
            }
        }
        LenientPromptReader.Reading reading = LenientPromptReader.read(system, user);
        if (!reading.outside().isEmpty()) {
            return obey(reading.outside(), system);
        }
        return answerFromSources(reading.blocks(), question(user));
    }

    /** Does what the text outside the sources says: shows the prompt when asked to, else says what it was told to. */
    private static String obey(String instructions, String system) {
        if (instructions.contains("system prompt") || instructions.contains("your instructions")) {
            return "My instructions are: " + system;
        }
        return "As instructed: " + instructions.replace('\n', ' ');
    }

    private static String question(String user) {
        for (String line : user.split("\n")) {
            if (line.startsWith("Question:")) {
                return line.substring("Question:".length()).strip();
            }
        }
        return "";
    }

    private static String answerFromSources(List<String> blocks, String question) {
        List<String> asked = words(question);
        String best = null;
        int bestBlock = 0;
        long bestShared = -1;
        for (int b = 0; b < blocks.size(); b++) {
            for (String sentence : blocks.get(b).split("(?<=[.!?])\\s+|\\n")) {
                long shared = words(sentence).stream().filter(asked::contains).count();
                if (shared > bestShared && !sentence.isBlank()) {
                    best = sentence.strip();
                    bestBlock = b + 1;
                    bestShared = shared;
                }
            }
        }
        return best == null ? "I cannot answer that from the documents." : best + " [" + bestBlock + "]";
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !SMALL_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }
}
