package dev.groundwork.config;

import dev.groundwork.answer.AnswerSettings;
import dev.groundwork.answer.ConversationSettings;
import dev.groundwork.answer.LlmSettings;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderSettings;
import dev.groundwork.index.IndexSettings;
import dev.groundwork.index.VectorDimension;
import dev.groundwork.ingest.IngestSettings;
import dev.groundwork.ingest.ParseSettings;
import dev.groundwork.ingest.SplitSettings;
import dev.groundwork.prompt.PromptSettings;
import dev.groundwork.retrieve.RetrievalSettings;
import dev.groundwork.security.SecuritySettings;
import dev.groundwork.sync.SyncSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Hands each feature its own part of {@link GroundworkProperties}, once every {@code groundwork.*} key set anywhere is
 * known to name a setting.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GroundworkProperties.class)
class SettingsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SettingsConfiguration.class);

    /**
     * Start-up step, before any bean is made: a key that names no setting stops the start, naming it. One set in the
     * environment only warns: the environment is shared with other programs (docker compose reads GROUNDWORK_UID).
     */
    @Bean
    static BeanFactoryPostProcessor unknownSettingsStopTheStart(ConfigurableEnvironment environment) {
        return beanFactory -> {
            for (SettingKeys.Unknown unknown : SettingKeys.unknownIn(environment)) {
                if (!unknown.environment()) {
                    throw new UnknownSettingException(unknown);
                }
                log.warn("Ignoring the environment's {}: it names no setting", unknown.key());
            }
        };
    }

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

    /** What an index that declares its vector field up front (Solr's) is sized by: the encoder's vectors. */
    @Bean
    VectorDimension vectorDimension(Encoder encoder) {
        return new VectorDimension(encoder.dimension());
    }

    @Bean
    RetrievalSettings retrievalSettings(GroundworkProperties properties) {
        return properties.retrieval();
    }

    @Bean
    SyncSettings syncSettings(GroundworkProperties properties) {
        return properties.sync();
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
    ConversationSettings conversationSettings(GroundworkProperties properties) {
        return properties.conversation();
    }

    @Bean
    SecuritySettings securitySettings(GroundworkProperties properties) {
        return properties.security();
    }
}
