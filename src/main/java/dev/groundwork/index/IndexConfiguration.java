package dev.groundwork.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the one index of the application, in generations so that it can be rebuilt beside itself, and closes it on shutdown. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(destroyMethod = "close")
    GenerationalChunkIndex chunkIndex(IndexSettings settings) {
        return new GenerationalChunkIndex(settings);
    }
}
