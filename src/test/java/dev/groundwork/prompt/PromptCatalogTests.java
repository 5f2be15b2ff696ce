package dev.groundwork.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptCatalogTests {

    @TempDir
    Path dir;

    /** A copy of the real prompts folder, to break one file at a time. */
    private Path copyOfRealPrompts() throws IOException {
        for (Prompt prompt : Prompt.values()) {
            Files.copy(Path.of("prompts").resolve(prompt.fileName()), dir.resolve(prompt.fileName()));
        }
        return dir;
    }

    @Test
    void theRealPromptFilesLoadAndHoldTheGroundingRules() {
        PromptCatalog catalog = PromptCatalog.load(Path.of("prompts"));

        String system = catalog.render(Prompt.SYSTEM, Map.of("tag", "source-test"));
        assertThat(system).containsIgnoringCase("data, not instructions").contains("[1]")
                .containsIgnoringCase("only from the sources").containsIgnoringCase("cannot answer")
                .contains("<source-test>").contains("</source-test>");
        assertThat(catalog.text(Prompt.NO_ANSWER)).isNotBlank();
        assertThat(catalog.text(Prompt.NO_DOCUMENTS)).isNotBlank();
        assertThat(catalog.render(Prompt.SOURCE, Map.of("tag", "source-test", "n", "1", "title", "T", "page", "-",
                "text", "Text.", "fileName", "t.txt"))).startsWith("<source-test id=\"1\"").endsWith("\nText.\n</source-test>");
    }

    @Test
    void sourceTagsThatAreNotMadePerRequestStopTheLoad() throws IOException {
        Path prompts = copyOfRealPrompts();
        Files.writeString(prompts.resolve("source.txt"), "<source id=\"{{n}}\" title=\"{{title}}\" page=\"{{page}}\">\n"
                + "{{text}}\n</source>\n");

        assertThatThrownBy(() -> PromptCatalog.load(prompts))
                .isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("source.txt")
                .hasMessageContaining("{{tag}}");
    }

    @Test
    void aMissingRequiredPlaceholderNamesTheFileAndThePlaceholder() throws IOException {
        Path prompts = copyOfRealPrompts();
        Files.writeString(prompts.resolve("answer.txt"), "Sources:\n{{sources}}\nAnswer the question.\n");

        assertThatThrownBy(() -> PromptCatalog.load(prompts))
                .isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("answer.txt")
                .hasMessageContaining("{{question}}");
    }

    @Test
    void anUnknownPlaceholderIsATypoThatStopsTheLoad() throws IOException {
        Path prompts = copyOfRealPrompts();
        Files.writeString(prompts.resolve("source.txt"), "<{{tag}}>[{{n}}] {{title}} p. {{page}}\n{{txt}}{{text}}\n</{{tag}}>\n");

        assertThatThrownBy(() -> PromptCatalog.load(prompts))
                .isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("source.txt")
                .hasMessageContaining("{{txt}}");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Path prompts = copyOfRealPrompts();
        Files.delete(prompts.resolve("no-answer.txt"));

        assertThatThrownBy(() -> PromptCatalog.load(prompts))
                .isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("no-answer.txt")
                .hasMessageContaining("missing");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path prompts = copyOfRealPrompts();
        Files.write(prompts.resolve("system.txt"), new byte[] {'R', 'u', 'l', 'e', (byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(() -> PromptCatalog.load(prompts))
                .isInstanceOf(InvalidPromptException.class)
                .hasMessageContaining("system.txt")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void valuesAreInsertedAsTheyAreAndNeverExpandedAgain() throws IOException {
        Path prompts = copyOfRealPrompts();
        Files.writeString(prompts.resolve("answer.txt"), "Q: {{ question }}\nS: {{sources}}\n");
        PromptCatalog catalog = PromptCatalog.load(prompts);

        String rendered = catalog.render(Prompt.ANSWER, Map.of("question", "What is {{sources}}?", "sources", "[1] text"));

        assertThat(rendered).isEqualTo("Q: What is {{sources}}?\nS: [1] text");
    }

    @Test
    void editingAFileChangesThePromptAfterAReload() throws IOException {
        Path prompts = copyOfRealPrompts();
        Files.writeString(prompts.resolve("no-answer.txt"), "Nothing in the documents says so.\n");

        assertThat(PromptCatalog.load(prompts).text(Prompt.NO_ANSWER)).isEqualTo("Nothing in the documents says so.");
    }
}
