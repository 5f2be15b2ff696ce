package dev.groundwork.bench;

import dev.groundwork.bench.BenchService.Client;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.security.ApiKeys;
import dev.groundwork.security.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * What access control costs: the latency of search, ask and upload over real HTTP, one request at a time, against
 * three instances of the application in this JVM: Spring Security's filter not registered ({@code off}, as before
 * access control), {@code local} mode (Host allowlist, cross-site check, rate limits, headers, audit) and
 * {@code keys} mode (the same, and an API key checked on every request). The three are asked in turn, request by
 * request, in a rotating order, so that a change of the machine's load falls on all three alike: the machine this
 * runs on is shared, and a few per cent is less than its load moves a figure from one minute to the next. Rate
 * limits are set high enough never to refuse, so that their bookkeeping is measured and not their refusals.
 *
 * <p>Arguments: work folder (emptied), SQuAD contexts, SQuAD questions, requests per kind.
 */
public final class SecurityBench {

    /** Indexed before the clock starts, so that search and ask work on a realistic index. */
    private static final int PRELOADED = 300;
    private static final int WARM_UP = 60;
    /**
     * Cheap requests (the re-index status) to each instance before the warm-up: enough for the JIT to compile the
     * code every request runs (the security chain, Tomcat, Spring MVC) as in a service that has been up. The
     * warm-up's 60 searches, questions and uploads alone left the security chain's code half-compiled, still being
     * compiled on the same two cores while it was measured: in a profile of the first thousand searches it cost
     * several times its CPU per request of later ones.
     */
    private static final int CHAIN_WARM_UP = 5000;
    private static final List<String> MODES = List.of("off", "local", "keys");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        List<String[]> paragraphs = paragraphs(Path.of(args[1]));
        int requests = Integer.parseInt(args[3]);
        List<String> questions = Questions.read(Path.of(args[2]), requests + WARM_UP);
        Workdirs.recreate(work);
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            List<Client> clients = new ArrayList<>();
            for (String mode : MODES) {
                ConfigurableApplicationContext context = start(mode, work.resolve(mode));
                contexts.add(context);
                IngestionService ingestion = context.getBean(IngestionService.class);
                for (int i = 0; i < PRELOADED; i++) {
                    ingestion.upload("squad-" + i + ".txt", new ByteArrayInputStream(text(paragraphs.get(i))));
                }
                String key = "keys".equals(mode)
                        ? context.getBean(ApiKeys.class).create("bench", Role.ADMIN, null).secret() : null;
                clients.add(new Client(BenchService.port(context), key));
            }
            for (int i = 0; i < CHAIN_WARM_UP; i++) {
                for (Client client : clients) {
                    client.expect200("/api/reindex/status");
                }
            }
            // each upload is a new document: a paragraph not preloaded, with a line of its own
            int next = PRELOADED;
            for (int i = 0; i < WARM_UP; i++) {
                for (int m = 0; m < MODES.size(); m++) {
                    Client client = clients.get(m);
                    client.search(questions.get(i));
                    client.ask(questions.get(i));
                    client.upload("warm-" + i + ".txt", unique(paragraphs, next++, MODES.get(m)));
                }
            }
            double[][] search = new double[MODES.size()][requests];
            double[][] ask = new double[MODES.size()][requests];
            double[][] upload = new double[MODES.size()][requests];
            for (int i = 0; i < requests; i++) {
                String question = questions.get(WARM_UP + i);
                for (int turn = 0; turn < MODES.size(); turn++) {
                    int m = (i + turn) % MODES.size();
                    Client client = clients.get(m);
                    byte[] document = unique(paragraphs, next++, MODES.get(m));
                    String name = "bench-" + i + ".txt";
                    search[m][i] = BenchService.timed(() -> client.search(question));
                    ask[m][i] = BenchService.timed(() -> client.ask(question));
                    upload[m][i] = BenchService.timed(() -> client.upload(name, document));
                }
            }
            for (int m = 0; m < MODES.size(); m++) {
                new Result().put("kind", "security").put("mode", MODES.get(m)).put("requests", requests)
                        .put("search_p50", QueryBench.fmt(Stats.percentile(search[m], 50)))
                        .put("search_p95", QueryBench.fmt(Stats.percentile(search[m], 95)))
                        .put("ask_p50", QueryBench.fmt(Stats.percentile(ask[m], 50)))
                        .put("ask_p95", QueryBench.fmt(Stats.percentile(ask[m], 95)))
                        .put("upload_p50", QueryBench.fmt(Stats.percentile(upload[m], 50)))
                        .put("upload_p95", QueryBench.fmt(Stats.percentile(upload[m], 95)))
                        .print();
            }
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    /** One instance of the application, as the mode has it. */
    private static ConfigurableApplicationContext start(String mode, Path work) throws Exception {
        List<String> properties = new ArrayList<>(List.of("logging.level.groundwork.audit=info"));
        if ("keys".equals(mode)) {
            properties.add("groundwork.security.mode=keys");
        }
        return BenchService.start(work, "off".equals(mode) ? List.of(SecurityOff.class) : List.of(), properties);
    }

    /** Title and text of each SQuAD paragraph, in the order of the file. */
    private static List<String[]> paragraphs(Path contexts) throws Exception {
        List<String[]> paragraphs = new ArrayList<>();
        for (String line : Files.readAllLines(contexts)) {
            String title = Questions.field(line, "title");
            String text = Questions.field(line, "text");
            if (title != null && text != null) {
                paragraphs.add(new String[] {title.replace('_', ' '), text});
            }
        }
        return paragraphs;
    }

    /** A paragraph past the preloaded ones (round again when they run out), made new by a line naming its upload. */
    private static byte[] unique(List<String[]> paragraphs, int n, String mode) {
        String[] paragraph = paragraphs.get(PRELOADED + (n - PRELOADED) % (paragraphs.size() - PRELOADED));
        return (paragraph[0] + "\n\n" + paragraph[1] + "\n\nUpload " + n + " to " + mode + ".\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] text(String[] paragraph) {
        return (paragraph[0] + "\n\n" + paragraph[1] + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Security off: Spring Security's filter is not registered with the servlet container, so requests meet none of
     * it, as before access control. (Its beans still exist; nothing calls them.)
     */
    static class SecurityOff {
        @Bean
        static BeanPostProcessor securityFilterNotRegistered() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DelegatingFilterProxyRegistrationBean registration) {
                        registration.setEnabled(false);
                    }
                    return bean;
                }
            };
        }
    }
}
