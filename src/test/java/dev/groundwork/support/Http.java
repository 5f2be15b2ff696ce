package dev.groundwork.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP requests with whatever headers a test needs (bearer tokens, {@code Origin}, {@code Sec-Fetch-Site}),
 * bodies of any kind (chunked too), and, when asked, a cookie jar like a browser's. The {@code Host} header is the
 * one thing the JDK's client will not let a test set: {@link RawHttp} sends that.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client;

    private Http(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** A client without cookies: each request stands alone, as an API client's do. */
    public static Http to(String base) {
        return new Http(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A client that keeps the cookies it is given, as a browser does. */
    public static Http withCookies(String base) {
        return new Http(base, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager()).build());
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    public Request delete(String path) {
        return new Request("DELETE", path);
    }

    public Request method(String method, String path) {
        return new Request(method, path);
    }

    /** A reply: status, headers and body (parsed when it is JSON). */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public List<String> allHeaders(String name) {
            return headers.allValues(name);
        }
    }

    /** One request being built. */
    public final class Request {
        private final String method;
        private final HttpRequest.Builder builder;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request json(String json) {
            header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(json);
            return this;
        }

        /** A JSON body without a declared length: sent chunked. */
        public Request chunkedJson(String json) {
            header("Content-Type", "application/json");
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            return this;
        }

        public Request multipart(MultipartBody multipart) {
            header("Content-Type", multipart.contentType());
            body = HttpRequest.BodyPublishers.ofByteArray(multipart.bytes());
            return this;
        }

        public Reply send() {
            try {
                HttpResponse<String> response = client.send(builder.method(method, body).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.body(), response.headers());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
