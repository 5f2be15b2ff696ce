package dev.groundwork.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Opens the one index of the application and closes it on shutdown. */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(destroyMethod = "close")
    LuceneChunkIndex chunkIndex(IndexSettings settings) {
        return new LuceneChunkIndex(settings);
    }
}
