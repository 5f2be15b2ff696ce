package dev.groundwork.embed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Creates the one encoder of the application, and the threads its runs go to beside their callers'; start-up fails
 * with a clear message when it cannot load.
 */
@Configuration(proxyBeanMethods = false)
class EncoderConfiguration {

    static final String RUNS = "encoderRuns";

    /**
     * The encoder, and how many of its runs (its slots) are busy on {@code /actuator/prometheus}: bound here, to the
     * encoder itself, since a tool may stand another {@code Encoder} in front of it as the bean (the evaluation's
     * query cache does).
     */
    @Bean(destroyMethod = "close")
    OnnxEncoder encoder(EncoderSettings settings, @Qualifier(RUNS) ThreadPoolTaskExecutor encoderRuns,
                        MeterRegistry meters) {
        OnnxEncoder encoder = new OnnxEncoder(settings, encoderRuns.getThreadPoolExecutor());
        Gauge.builder("groundwork.encoder.runs.busy", encoder, OnnxEncoder::busyRuns)
                .description("Encoder runs going on now (questions and passages being embedded)").register(meters);
        Gauge.builder("groundwork.encoder.runs.max", encoder, OnnxEncoder::maxRuns)
                .description("Encoder runs that may go on at once").register(meters);
        return encoder;
    }

    /** As many as callers ask for (the encoder's own permits bound the runs); idle ones end after a minute. */
    @Bean(RUNS)
    ThreadPoolTaskExecutor encoderRuns() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("encoder-");
        executor.setCorePoolSize(0);
        executor.setMaxPoolSize(Integer.MAX_VALUE);
        executor.setQueueCapacity(0);
        executor.setKeepAliveSeconds(60);
        executor.setDaemon(true);
        // a search or an upload still being answered while the application stops needs them; the stop does not
        // wait for them, as it never waited for the encoder
        executor.setAcceptTasksAfterContextClose(true);
        return executor;
    }
}
