package dev.groundwork.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.GroundworkApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/** The whole application refuses to start on a broken prompt file, and says which file and placeholder. */
class PromptStartupIntegrationTests {

    @TempDir
    Path root;

    @Test
    void aPromptFileMissingAPlaceholderStopsTheStartWithAClearMessage() throws IOException {
        Path prompts = Files.createDirectories(root.resolve("prompts"));
        for (Prompt prompt : Prompt.values()) {
            Files.copy(Path.of("prompts").resolve(prompt.fileName()), prompts.resolve(prompt.fileName()));
        }
        Files.writeString(prompts.resolve("source.txt"), "<source id=\"{{n}}\" title=\"{{title}}\">\n{{text}}\n</source>\n");
        SpringApplication application = new SpringApplication(GroundworkApplication.class);

        assertThatThrownBy(() -> application.run("--server.port=0",
                "--groundwork.prompts.dir=" + prompts,
                "--groundwork.ingest.dir=" + root.resolve("ingest"),
                "--groundwork.index.dir=" + root.resolve("index")))
                .satisfies(failure -> {
                    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
                    assertThat(cause).isInstanceOf(InvalidPromptException.class)
                            .hasMessageContaining(prompts.resolve("source.txt").toAbsolutePath().toString())
                            .hasMessageContaining("{{page}}");
                    FailureAnalysis analysis = new InvalidPromptFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("source.txt").contains("{{page}}");
                    assertThat(analysis.getAction()).contains("prompts/README.md");
                });
    }
}
