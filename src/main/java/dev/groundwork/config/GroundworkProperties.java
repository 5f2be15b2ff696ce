package dev.groundwork.config;

import dev.groundwork.answer.AnswerSettings;
import dev.groundwork.answer.ConversationSettings;
import dev.groundwork.answer.LlmSettings;
import dev.groundwork.embed.EncoderSettings;
import dev.groundwork.index.IndexSettings;
import dev.groundwork.ingest.IngestSettings;
import dev.groundwork.ingest.ParseSettings;
import dev.groundwork.ingest.SplitSettings;
import dev.groundwork.prompt.PromptSettings;
import dev.groundwork.retrieve.RetrievalSettings;
import dev.groundwork.security.SecuritySettings;
import dev.groundwork.sync.SyncSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of Groundwork, under the prefix {@code groundwork}. Each nested record belongs to the
 * feature it configures, so a feature never reads configuration it does not own; this record only
 * gathers them. Every key can also be set from the environment ({@code GROUNDWORK_INDEX_DIR}, ...).
 */
@Validated
@ConfigurationProperties("groundwork")
public record GroundworkProperties(
        @Valid @NotNull @DefaultValue IngestSettings ingest,
        @Valid @NotNull @DefaultValue ParseSettings parse,
        @Valid @NotNull @DefaultValue SplitSettings split,
        @Valid @NotNull @DefaultValue EncoderSettings encoder,
        @Valid @NotNull @DefaultValue IndexSettings index,
        @Valid @NotNull @DefaultValue RetrievalSettings retrieval,
        @Valid @NotNull @DefaultValue SyncSettings sync,
        @Valid @NotNull @DefaultValue PromptSettings prompts,
        @Valid @NotNull @DefaultValue AnswerSettings answer,
        @Valid @NotNull @DefaultValue LlmSettings llm,
        @Valid @NotNull @DefaultValue ConversationSettings conversation,
        @Valid @NotNull @DefaultValue SecuritySettings security) {
}
