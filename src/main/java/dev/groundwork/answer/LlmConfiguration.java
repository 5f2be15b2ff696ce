package dev.groundwork.answer;

import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.http.HttpClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the LLM client when {@code groundwork.llm.base-url} is set; without it, answers are extractive. */
@Configuration(proxyBeanMethods = false)
class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    CircuitBreaker llmCircuitBreaker(LlmSettings settings) {
        return new CircuitBreaker(settings.circuitFailures(), settings.circuitOpenFor(), Clock.systemUTC());
    }

    @Bean
    LlmAnswerer llmAnswerer(LlmSettings settings, CircuitBreaker llmCircuitBreaker) {
        if (!settings.enabled()) {
            log.info("No LLM configured (groundwork.llm.base-url): answers are extractive");
            return new LlmAnswerer(settings, null, llmCircuitBreaker);
        }
        log.info("Answers by {} at {}", settings.model(), settings.shownBaseUrl());
        return new LlmAnswerer(settings, model(settings), llmCircuitBreaker);
    }

    static StreamingChatModel model(LlmSettings settings) {
        // HTTP/1.1: some local servers mishandle the h2c upgrade the JDK client tries on plain http.
        // The read timeout bounds the wait for the response headers; LlmAnswerer bounds the rest.
        JdkHttpClientBuilder http = new JdkHttpClientBuilder()
                .httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.firstTokenTimeout());
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .build();
    }
}
