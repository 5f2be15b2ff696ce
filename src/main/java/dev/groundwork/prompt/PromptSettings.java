package dev.groundwork.prompt;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the prompt files live.
 *
 * @param dir the folder of the prompt files ({@code system.txt}, {@code answer.txt}, ...), read once at start-up
 */
public record PromptSettings(@DefaultValue("prompts") @NotNull Path dir) {
}
