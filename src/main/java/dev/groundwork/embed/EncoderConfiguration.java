package dev.groundwork.embed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the one encoder of the application; start-up fails with a clear message when it cannot load. */
@Configuration(proxyBeanMethods = false)
class EncoderConfiguration {

    @Bean(destroyMethod = "close")
    OnnxEncoder encoder(EncoderSettings settings) {
        return new OnnxEncoder(settings);
    }
}
