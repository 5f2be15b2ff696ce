package dev.groundwork.answer.llm;

import dev.groundwork.answer.Condenser;
import dev.groundwork.answer.ExtractiveAnswerer;
import dev.groundwork.answer.FallbackAnswerer;
import dev.groundwork.answer.GroundedPrompts;
import dev.groundwork.answer.LlmConfigured;
import dev.groundwork.answer.LlmSettings;
import dev.groundwork.answer.TermCarryingCondenser;
import dev.groundwork.observe.Stages;
import dev.groundwork.prompt.PromptCatalog;
import dev.groundwork.retrieve.RetrievalSettings;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.http.HttpClient;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The language model, when {@code groundwork.llm.base-url} is set: its client, the circuit breaker in front of it, its
 * answerer, and the answerer that answers with it and falls back to quoting ({@link FallbackAnswerer}), which is the
 * one questions are answered by. Without a base URL none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LlmConfigured.class)
class LlmConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LlmConfiguration.class);

    @Bean
    CircuitBreaker llmCircuitBreaker(LlmSettings settings) {
        return new CircuitBreaker(settings.circuitFailures(), settings.circuitOpenFor(), Clock.systemUTC());
    }

    @Bean
    LlmAnswerer llmAnswerer(LlmSettings settings, CircuitBreaker llmCircuitBreaker, GroundedPrompts prompts,
                            Stages stages) {
        log.info("Answers by {} at {}", settings.model(), settings.shownBaseUrl());
        return new LlmAnswerer(settings, model(settings), llmCircuitBreaker, prompts, stages);
    }

    /** The answerer questions go to: the language model, and quotes when it cannot answer. */
    @Bean
    @Primary
    FallbackAnswerer answerer(LlmAnswerer llmAnswerer, ExtractiveAnswerer extractive) {
        return new FallbackAnswerer(llmAnswerer, extractive);
    }

    /** Follow-ups are made standalone by the model, and by the heuristic when it cannot. */
    @Bean
    @Primary
    Condenser llmCondenser(LlmAnswerer llmAnswerer, PromptCatalog catalog, TermCarryingCondenser heuristic,
                           RetrievalSettings retrieval) {
        return new LlmCondenser(llmAnswerer, catalog, heuristic, retrieval.maxQueryChars());
    }

    @Bean
    LlmHealthIndicator llmHealthIndicator(LlmSettings settings, CircuitBreaker llmCircuitBreaker) {
        return new LlmHealthIndicator(settings, llmCircuitBreaker);
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
