package dev.groundwork.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application context of one configuration, on its own index and a throw-away ingest folder. */
final class EvalContexts {

    /** Quiet by default (the command prints its own progress and figures); a user's logging.level.* settings win. */
    private static final Map<String, Object> QUIET = Map.of(
            "logging.level.root", "warn",
            "logging.level.dev.groundwork.eval", "warn",
            // DJL looks for a GPU at every start and warns, once per configuration, that it found none.
            "logging.level.ai.djl.util.cuda", "error");

    private EvalContexts() {
    }

    static ConfigurableApplicationContext start(EvalConfig config, Path indexDir, Path ingestDir, QueryVectorCache cache) {
        List<String> arguments = new ArrayList<>(List.of(config.arguments()));
        // Last, so a configuration cannot point the evaluation at the live index or ingest folder (nor, on Solr, at
        // the live collection: each index the evaluation keeps gets a collection named after it).
        arguments.add("--groundwork.index.dir=" + indexDir.toAbsolutePath());
        arguments.add("--groundwork.ingest.dir=" + ingestDir.toAbsolutePath());
        arguments.add("--groundwork.index.solr.collection=groundwork-eval-" + indexDir.toAbsolutePath().getParent()
                .getFileName());
        return new SpringApplicationBuilder(EvalBeans.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties(QUIET)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(cache))
                .run(arguments.toArray(String[]::new));
    }
}
