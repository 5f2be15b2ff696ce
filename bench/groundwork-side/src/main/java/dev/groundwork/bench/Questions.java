package dev.groundwork.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Questions and paragraphs of the SQuAD-public set, read from its JSON lines without a JSON library. */
final class Questions {

    private Questions() {
    }

    /** Every {@code step}-th question, {@code count} of them, so they spread over the set's paragraphs. */
    static List<String> read(Path file, int count) throws IOException {
        List<String> all = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String question = field(line, "question");
            if (question != null) {
                all.add(question);
            }
        }
        int step = Math.max(1, all.size() / count);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < all.size() && picked.size() < count; i += step) {
            picked.add(all.get(i));
        }
        return picked;
    }

    /** The value of a string field of a flat JSON object on one line, or null. */
    static String field(String line, String key) {
        int at = line.indexOf("\"" + key + "\"");
        if (at < 0) {
            return null;
        }
        int start = line.indexOf('"', line.indexOf(':', at + key.length() + 2)) + 1;
        int end = start;
        while (end < line.length() && line.charAt(end) != '"') {
            end += line.charAt(end) == '\\' ? 2 : 1;
        }
        return unescape(line.substring(start, end));
    }

    /** A JSON string's content, unescaped. */
    static String unescape(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\' || i + 1 == json.length()) {
                out.append(c);
                continue;
            }
            char next = json.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
