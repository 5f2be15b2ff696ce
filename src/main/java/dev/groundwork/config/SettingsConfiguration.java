package dev.groundwork.config;

import dev.groundwork.answer.AnswerSettings;
import dev.groundwork.answer.LlmSettings;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderSettings;
import dev.groundwork.index.IndexSettings;
import dev.groundwork.ingest.IngestSettings;
import dev.groundwork.ingest.ParseSettings;
import dev.groundwork.ingest.SplitSettings;
import dev.groundwork.prompt.PromptSettings;
import dev.groundwork.retrieve.RetrievalSettings;
import dev.groundwork.schedule.ScheduleSettings;
import dev.groundwork.security.SecuritySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands each feature its own part of {@link GroundworkProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GroundworkProperties.class)
class SettingsConfiguration {

    @Bean
    IngestSettings ingestSettings(GroundworkProperties properties) {
        return properties.ingest();
    }

    @Bean
    ParseSettings parseSettings(GroundworkProperties properties) {
        return properties.parse();
    }

    @Bean
    SplitSettings splitSettings(GroundworkProperties properties) {
        return properties.split();
    }

    @Bean
    EncoderSettings encoderSettings(GroundworkProperties properties) {
        return properties.encoder();
    }

    @Bean
    IndexSettings indexSettings(GroundworkProperties properties) {
        return properties.index();
    }

    @Bean
    RetrievalSettings retrievalSettings(GroundworkProperties properties) {
        return properties.retrieval();
    }

    @Bean
    ScheduleSettings scheduleSettings(GroundworkProperties properties) {
        return properties.schedule();
    }

    @Bean
    PromptSettings promptSettings(GroundworkProperties properties) {
        return properties.prompts();
    }

    /** The answer settings, with the thresholds measured for the encoder where none are set. */
    @Bean
    AnswerSettings answerSettings(GroundworkProperties properties, Encoder encoder) {
        return properties.answer().withThresholdsOf(encoder.calibration(), encoder.modelId());
    }

    @Bean
    LlmSettings llmSettings(GroundworkProperties properties) {
        return properties.llm();
    }

    @Bean
    SecuritySettings securitySettings(GroundworkProperties properties) {
        return properties.security();
    }
}
