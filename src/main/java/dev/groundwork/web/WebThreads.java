package dev.groundwork.web;

import dev.groundwork.answer.AnswerSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads streamed answers run on, so a slow LLM holds no servlet thread: at most
 * {@code groundwork.answer.max-answers} (the {@link AnswerSlots} are taken first), and no queue, so a stream either starts now or is refused with 503, never
 * waits unseen.
 */
@Configuration(proxyBeanMethods = false)
class WebThreads {

    static final String ANSWER_STREAMS = "answerStreamThreads";

    @Bean(ANSWER_STREAMS)
    ThreadPoolTaskExecutor answerStreamThreads(AnswerSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("answer-stream-");
        executor.setCorePoolSize(settings.maxAnswers());
        executor.setMaxPoolSize(settings.maxAnswers());
        executor.setQueueCapacity(0);
        executor.setKeepAliveSeconds(60);
        executor.setAllowCoreThreadTimeOut(true);
        executor.setDaemon(true);
        // the stop does not wait for a stream to end: it is interrupted, and its client told the stream broke off
        executor.setAcceptTasksAfterContextClose(true);
        // the request's observation (so the answer's stages are spans of its trace) and its request id go along
        executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
        return executor;
    }
}
