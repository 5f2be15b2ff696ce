package dev.groundwork.prompt;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the prompt catalog once; a bad prompt file stops the start-up. */
@Configuration(proxyBeanMethods = false)
class PromptConfiguration {

    @Bean
    PromptCatalog promptCatalog(PromptSettings settings) {
        return PromptCatalog.load(settings.dir());
    }
}
