package dev.groundwork.prompt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every prompt, read once from the prompts folder and checked: each file must exist, be UTF-8 and hold the
 * placeholders its {@link Prompt} requires, and no others. Editing a file and restarting changes the prompts;
 * no prompt text lives in Java.
 */
public final class PromptCatalog {

    private static final Logger log = LoggerFactory.getLogger(PromptCatalog.class);

    private final Path dir;
    private final Map<Prompt, PromptTemplate> templates;

    private PromptCatalog(Path dir, Map<Prompt, PromptTemplate> templates) {
        this.dir = dir;
        this.templates = templates;
    }

    /**
     * Reads and checks every prompt file of a folder.
     *
     * @throws InvalidPromptException naming the file and the placeholder at fault
     */
    public static PromptCatalog load(Path dir) {
        Map<Prompt, PromptTemplate> templates = new EnumMap<>(Prompt.class);
        for (Prompt prompt : Prompt.values()) {
            Path file = dir.resolve(prompt.fileName());
            PromptTemplate template = PromptTemplate.parse(read(file));
            TreeSet<String> missing = new TreeSet<>(prompt.required());
            missing.removeAll(template.placeholders());
            if (!missing.isEmpty()) {
                throw new InvalidPromptException(file, "Prompt file " + file.toAbsolutePath() + " lacks the placeholder "
                        + placeholders(missing) + " it must hold (required: " + placeholders(prompt.required()) + ")");
            }
            TreeSet<String> unknown = new TreeSet<>();
            template.placeholders().stream().filter(name -> !prompt.allows(name)).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                throw new InvalidPromptException(file, "Prompt file " + file.toAbsolutePath() + " holds the unknown placeholder "
                        + placeholders(unknown) + "; see prompts/README.md for the placeholders of each file");
            }
            templates.put(prompt, template);
        }
        log.info("Loaded {} prompt files from {}", templates.size(), dir.toAbsolutePath());
        return new PromptCatalog(dir, templates);
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidPromptException(file, "Prompt file " + file.toAbsolutePath() + " is missing "
                    + "(groundwork.prompts.dir points at the folder that holds the prompt files)");
        }
        try {
            // The decoder reports malformed bytes rather than replacing them.
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            // Editors add a final newline; it is not part of the prompt.
            return text.replace("\r\n", "\n").stripTrailing();
        } catch (CharacterCodingException e) {
            throw new InvalidPromptException(file, "Prompt file " + file.toAbsolutePath() + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new InvalidPromptException(file, "Cannot read prompt file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String placeholders(Collection<String> names) {
        return String.join(", ", names.stream().sorted().map(name -> "{{" + name + "}}").toList());
    }

    /** The folder the prompts were read from. */
    public Path dir() {
        return dir;
    }

    /** Fills a prompt's placeholders; values are inserted as they are, never expanded again. */
    public String render(Prompt prompt, Map<String, String> values) {
        return templates.get(prompt).render(values);
    }

    /** The text of a prompt that has no placeholders. */
    public String text(Prompt prompt) {
        return render(prompt, Map.of());
    }
}
