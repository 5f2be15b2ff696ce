package dev.groundwork.bench;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The application's features below the web layer (settings, encoder, index, ingestion, retrieval, and the stages they
 * report to), without the web
 * server and the folder sync, for the query bench. Not a {@code @Configuration}, so the application's own component
 * scan never picks it up.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.groundwork.config", "dev.groundwork.embed", "dev.groundwork.index",
        "dev.groundwork.ingest", "dev.groundwork.retrieve", "dev.groundwork.observe"})
class QueryBeans {
}
