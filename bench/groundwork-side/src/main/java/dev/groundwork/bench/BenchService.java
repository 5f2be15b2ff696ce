package dev.groundwork.bench;

import dev.groundwork.GroundworkApplication;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Instances of the service that benches compare side by side in one JVM (security on and off, metrics on and off),
 * and the client that times requests to them as the page or a script sends them.
 */
final class BenchService {

    private BenchService() {
    }

    /**
     * One instance of the application, on a free port of the loopback, with its own folders, no sync, and limits
     * that never refuse a bench's requests.
     *
     * @param sources    configurations added to the application's (the "off" variant of what is measured)
     * @param properties settings added to the common ones
     */
    static ConfigurableApplicationContext start(Path work, List<Class<?>> sources, List<String> properties)
            throws Exception {
        Files.createDirectories(work.resolve("ingest"));
        List<String> settings = new ArrayList<>(List.of(
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
                "logging.level.root=warn"));
        settings.addAll(properties);
        List<Class<?>> classes = new ArrayList<>(List.of(GroundworkApplication.class));
        classes.addAll(sources);
        // as command-line arguments, so that they win over application.yml (server.port, logging)
        String[] arguments = settings.stream().map(setting -> "--" + setting).toArray(String[]::new);
        return new SpringApplicationBuilder(classes.toArray(Class<?>[]::new)).run(arguments);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** How long a request took, in milliseconds; one that did not succeed stops the bench. */
    static double timed(Supplier<Integer> request) {
        long started = System.nanoTime();
        int status = request.get();
        double millis = (System.nanoTime() - started) / 1e6;
        if (status >= 300) {
            throw new IllegalStateException("a measured request answered " + status);
        }
        return millis;
    }

    /** The requests as the page or a script sends them: same origin (no Origin header), with the key if there is one. */
    static final class Client {
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

        void expect200(String path) {
            int status = send(request(path).GET());
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
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
}
