package dev.groundwork.support;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a grounded prompt the way a model that is too lenient would: it normalises the text first (NFKC, so full-width
 * forms are ASCII; format characters such as zero-width spaces dropped; Cyrillic and Greek letters that look Latin
 * read as Latin; any case), takes the delimiter the system message names, and also the plain word {@code source},
 * as a source's tag, and lets an opening tag end at its first {@code >} and a block at the first closing tag it
 * recognises. Whatever that leaves outside every block, and outside the prompt's own lines, is what such a model
 * could take for instructions: a document's text there has escaped its block.
 */
public final class LenientPromptReader {

    private static final Pattern FIRST_TAG = Pattern.compile("<([A-Za-z][A-Za-z0-9_-]{0,80})>");
    private static final Map<Character, Character> LOOKALIKES = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('ѕ', 's'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ј', 'j'),
            Map.entry('ԁ', 'd'), Map.entry('һ', 'h'), Map.entry('ο', 'o'), Map.entry('υ', 'u'), Map.entry('ν', 'v'),
            Map.entry('α', 'a'), Map.entry('ε', 'e'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('τ', 't'),
            Map.entry('ρ', 'p'), Map.entry('ѵ', 'v'), Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'), Map.entry('ᴜ', 'u'));

    /** A prompt as such a model reads it: the tag it took, the text of each block, and what lies outside them. */
    public record Reading(String tag, List<String> blocks, String outside) {
    }

    private LenientPromptReader() {
    }

    public static Reading read(String system, String user) {
        String normalSystem = normalise(system);
        Matcher first = FIRST_TAG.matcher(normalSystem);
        String tag = first.find() ? first.group(1) : "source";
        String text = normalise(user);
        String names = "(?:" + Pattern.quote(tag) + "|source)";
        Pattern open = Pattern.compile("<\\s*" + names + "(?:\\s[^>]*)?>");
        Pattern close = Pattern.compile("<\\s*/\\s*" + names + "\\s*>");
        List<String> blocks = new ArrayList<>();
        StringBuilder outside = new StringBuilder();
        int position = 0;
        Matcher opening = open.matcher(text);
        while (position < text.length() && opening.find(position)) {
            outside.append(text, position, opening.start()).append('\n');
            Matcher closing = close.matcher(text);
            if (closing.find(opening.end())) {
                blocks.add(text.substring(opening.end(), closing.start()));
                position = closing.end();
            } else {
                blocks.add(text.substring(opening.end()));
                position = text.length();
            }
        }
        outside.append(text.substring(Math.min(position, text.length())));
        return new Reading(tag, blocks, withoutPromptLines(outside.toString()));
    }

    /** Drops the answer prompt's own lines (see prompts/answer.txt): what remains came from elsewhere. */
    private static String withoutPromptLines(String outside) {
        StringBuilder rest = new StringBuilder();
        for (String line : outside.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.equals("sources:") || trimmed.startsWith("question:")
                    || trimmed.startsWith("answer the question using only the sources above")) {
                continue;
            }
            rest.append(trimmed).append('\n');
        }
        return rest.toString().strip();
    }

    /** NFKC, without format characters, lookalike letters read as Latin, in lower case. */
    public static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(c -> {
            if (Character.getType(c) != Character.FORMAT) {
                int lower = Character.toLowerCase(c);
                Character latin = lower < Character.MIN_SUPPLEMENTARY_CODE_POINT ? LOOKALIKES.get((char) lower) : null;
                out.appendCodePoint(latin != null ? latin : lower);
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
