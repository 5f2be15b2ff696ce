package dev.groundwork.eval;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The application context of one measured configuration: the real features below the web layer (settings,
 * encoder, index, ingestion, retrieval, prompts, answers, and the stages and outcomes they report to) with their
 * auto-configuration, and nothing that serves or syncs: no web
 * server, no folder sync (it would drop the evaluation's documents, which have no files), no scheduler.
 * Deliberately not a {@code @Configuration}, so the application's own component scan never picks it up.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = {"dev.groundwork.config", "dev.groundwork.embed", "dev.groundwork.index",
        "dev.groundwork.ingest", "dev.groundwork.retrieve", "dev.groundwork.prompt", "dev.groundwork.answer",
        "dev.groundwork.observe"})
class EvalBeans {
}
