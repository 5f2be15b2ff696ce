package dev.groundwork.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream over real HTTP into its events, in the order they came. */
public final class SseClient {

    /** One event: its name ({@code message} when none was given) and its data lines joined by newlines. */
    public record Event(String name, String data) {
    }

    /** The response of a stream: its status, content type and events. */
    public record Result(int status, String contentType, List<Event> events, String body) {
    }

    private SseClient() {
    }

    public static Result get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60)).build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        List<Event> events = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String name = null;
        StringBuilder data = null;
        for (String line : (Iterable<String>) response.body()::iterator) {
            body.append(line).append('\n');
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(name == null ? "message" : name, data.toString()));
                }
                name = null;
                data = null;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                value = value.startsWith(" ") ? value.substring(1) : value;
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        if (data != null) {
            events.add(new Event(name == null ? "message" : name, data.toString()));
        }
        return new Result(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), events,
                body.toString());
    }
}
