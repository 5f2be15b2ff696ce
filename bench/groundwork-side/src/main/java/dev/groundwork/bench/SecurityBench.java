package dev.groundwork.bench;

import dev.groundwork.GroundworkApplication;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.security.ApiKeys;
import dev.groundwork.security.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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
                clients.add(new Client(((WebServerApplicationContext) context).getWebServer().getPort(), key));
            }
            for (int i = 0; i < CHAIN_WARM_UP; i++) {
                for (Client client : clients) {
                    client.reindexStatus();
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
                    search[m][i] = timed(() -> client.search(question));
                    ask[m][i] = timed(() -> client.ask(question));
                    upload[m][i] = timed(() -> client.upload(name, document));
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

    /** One instance of the application, on a free port of the loopback, with its own folders. */
    private static ConfigurableApplicationContext start(String mode, Path work) throws Exception {
        Files.createDirectories(work.resolve("ingest"));
        List<String> properties = new ArrayList<>(List.of(
                "groundwork.ingest.dir=" + work.resolve("ingest"),
                "groundwork.index.dir=" + work.resolve("index"),
                "groundwork.security.keys-file=" + work.resolve("keys/api-keys.json"),
                "groundwork.sync.on-startup=false",
                "groundwork.sync.cron=-",
                // the uploads are text, read in the service: one idle worker each is enough
                "groundwork.parse.workers=1",
                "groundwork.prompts.dir=" + Path.of("../prompts").toAbsolutePath().normalize(),
                "groundwork.security.limits.ask-per-minute=1000000",
                "groundwork.security.limits.search-per-minute=1000000",
                "groundwork.security.limits.upload-per-minute=1000000",
                "server.port=0",
                "server.address=127.0.0.1",
                "spring.main.banner-mode=off",
                "logging.level.root=warn",
                "logging.level.groundwork.audit=info"));
        if ("keys".equals(mode)) {
            properties.add("groundwork.security.mode=keys");
        }
        List<Class<?>> sources = new ArrayList<>(List.of(GroundworkApplication.class));
        if ("off".equals(mode)) {
            sources.add(SecurityOff.class);
        }
        // as command-line arguments, so that they win over application.yml (server.port, logging)
        String[] arguments = properties.stream().map(property -> "--" + property).toArray(String[]::new);
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(arguments);
    }

    private static double timed(Supplier<Integer> request) {
        long started = System.nanoTime();
        int status = request.get();
        double millis = (System.nanoTime() - started) / 1e6;
        if (status >= 300) {
            throw new IllegalStateException("a measured request answered " + status);
        }
        return millis;
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

    /** The requests as the page or a script sends them: same origin (no Origin header), with the key in keys mode. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final String key;

        Client(int port, String key) {
            this.base = "http://localhost:" + port;
            this.key = key;
        }

        int search(String question) {
            return send(request("/api/search?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8) + "&k=5").GET());
        }

        void reindexStatus() {
            int status = send(request("/api/reindex/status").GET());
            if (status != 200) {
                throw new IllegalStateException("the re-index status answered " + status);
            }
        }

        int ask(String question) {
            String json = "{\"question\":\"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            return send(request("/api/ask").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        int upload(String name, byte[] content) {
            String boundary = "bench-" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(request("/api/documents").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            return key == null ? builder : builder.header("Authorization", "Bearer " + key);
        }

        private int send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
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
