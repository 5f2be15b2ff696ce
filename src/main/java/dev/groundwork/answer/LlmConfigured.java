package dev.groundwork.answer;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether a language model is configured: {@code groundwork.llm.base-url} set and not blank (as an empty environment
 * variable leaves it). What exists only with one ({@code answer.llm}) is conditional on it; what stands in without one,
 * on {@link Not}.
 */
public final class LlmConfigured implements Condition {

    static final String BASE_URL = "groundwork.llm.base-url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(BASE_URL));
    }

    /** No language model is configured. */
    public static final class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new LlmConfigured().matches(context, metadata);
        }
    }
}
