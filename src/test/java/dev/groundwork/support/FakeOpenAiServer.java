package dev.groundwork.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OpenAI-compatible chat server on the loopback interface, for tests: real HTTP/1.1 over a socket, real
 * Server-Sent Events in the chunk format of {@code /v1/chat/completions} with {@code stream: true}. Each request
 * takes the next scripted reply; the last one repeats. Written on raw sockets so a test can also break a stream
 * the way a network does (a connection closed in the middle of a chunked body).
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** What the server does with one request. */
    public sealed interface Reply permits Stream, Status, Stall, Drop, Garbage, Answering {
    }

    /** Streams the answer a function gives for the request's JSON body, a few words a token. */
    public record Answering(java.util.function.Function<String, String> answer) implements Reply {
    }

    /** Streams the tokens, then a finish reason and {@code [DONE]}. */
    public record Stream(List<String> tokens, Duration delayBetween) implements Reply {
    }

    /** Answers with an HTTP error status and an OpenAI-style error body. */
    public record Status(int code) implements Reply {
    }

    /** Sends the response headers, then nothing for this long, then closes. */
    public record Stall(Duration duration) implements Reply {
    }

    /**
     * Streams the tokens, then breaks off: {@code abrupt} closes the connection inside the chunked body; otherwise
     * the body ends cleanly but without a finish reason or {@code [DONE]}.
     */
    public record Drop(List<String> tokens, boolean abrupt) implements Reply {
    }

    /** A 200 event stream whose data is not JSON. */
    public record Garbage() implements Reply {
    }

    public static Reply stream(String... tokens) {
        return new Stream(List.of(tokens), Duration.ZERO);
    }

    public static Reply slowStream(Duration delayBetween, String... tokens) {
        return new Stream(List.of(tokens), delayBetween);
    }

    public static Reply status(int code) {
        return new Status(code);
    }

    public static Reply stall(Duration duration) {
        return new Stall(duration);
    }

    public static Reply dropAfter(String... tokens) {
        return new Drop(List.of(tokens), true);
    }

    public static Reply endWithoutFinish(String... tokens) {
        return new Drop(List.of(tokens), false);
    }

    public static Reply garbage() {
        return new Garbage();
    }

    /** Answers each request with what {@code answer} makes of its body (a model stood in for by a function). */
    public static Reply answering(java.util.function.Function<String, String> answer) {
        return new Answering(answer);
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger abandoned = new AtomicInteger();
    private volatile int next;

    private FakeOpenAiServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "fake-openai-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static FakeOpenAiServer start(Reply... replies) {
        try {
            FakeOpenAiServer fake = new FakeOpenAiServer();
            fake.reply(replies);
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the fake OpenAI server", e);
        }
    }

    /** Scripts the replies to the next requests; the last one repeats. Resets the request log. */
    public synchronized FakeOpenAiServer reply(Reply... script) {
        replies.clear();
        replies.addAll(List.of(script));
        bodies.clear();
        next = 0;
        return this;
    }

    /** The base URL an OpenAI client is given, ending in {@code /v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/v1";
    }

    /** How many chat completion requests came in since the last {@link #reply}. */
    public int requests() {
        return bodies.size();
    }

    /** Streamed replies the client stopped reading before their end (it closed the connection). */
    public int abandonedStreams() {
        return abandoned.get();
    }

    /** The JSON bodies of those requests, in order. */
    public List<String> requestBodies() {
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread handler = new Thread(() -> handle(socket), "fake-openai-request");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String requestLine = readLine(in);
            int length = 0;
            for (String header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(header.substring(15).strip());
                }
            }
            byte[] body = in.readNBytes(length);
            OutputStream out = socket.getOutputStream();
            if (requestLine == null || !requestLine.startsWith("POST ") || !requestLine.contains("/chat/completions")) {
                respond(out, 404, "{\"error\":{\"message\":\"not found\"}}");
                return;
            }
            Reply reply;
            synchronized (this) {
                bodies.add(new String(body, StandardCharsets.UTF_8));
                reply = replies.isEmpty() ? stream("OK") : replies.get(Math.min(next, replies.size() - 1));
                next++;
            }
            if (reply instanceof Answering answering) {
                reply = new Stream(tokens(answering.answer().apply(new String(body, StandardCharsets.UTF_8))), Duration.ZERO);
            }
            serve(reply, out);
        } catch (IOException | InterruptedException e) {
            // The client went away or the server is closing: nothing to do.
        } finally {
            open.remove(socket);
        }
    }

    private void serve(Reply reply, OutputStream out) throws IOException, InterruptedException {
        if (reply instanceof Status status) {
            respond(out, status.code(), "{\"error\":{\"message\":\"fake failure " + status.code()
                    + "\",\"type\":\"server_error\"}}");
        } else if (reply instanceof Stream stream) {
            streamHeaders(out);
            try {
                chunk(out, event(delta("{\"role\":\"assistant\",\"content\":\"\"}", null)));
                for (String token : stream.tokens()) {
                    if (!stream.delayBetween().isZero()) {
                        Thread.sleep(stream.delayBetween().toMillis()); // the pace of a model writing
                    }
                    chunk(out, event(delta("{\"content\":" + json(token) + "}", null)));
                }
                chunk(out, event(delta("{}", "stop")));
                chunk(out, "data: [DONE]\n\n");
                endChunks(out);
            } catch (IOException e) {
                abandoned.incrementAndGet();
                throw e;
            }
        } else if (reply instanceof Stall stall) {
            streamHeaders(out);
            closed.await(stall.duration().toMillis(), TimeUnit.MILLISECONDS);
        } else if (reply instanceof Drop drop) {
            streamHeaders(out);
            for (String token : drop.tokens()) {
                chunk(out, event(delta("{\"content\":" + json(token) + "}", null)));
            }
            // The tokens reach the client before the break, as they do when a server dies mid-answer.
            Thread.sleep(750);
            if (drop.abrupt()) {
                // Half a chunk, then the connection goes: what a crashed server or a cut network looks like.
                out.write("40\r\ndata: {\"id\":\"x\"".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } else {
                endChunks(out);
            }
        } else if (reply instanceof Garbage) {
            streamHeaders(out);
            chunk(out, "data: {\"id\": this is not json at all\n\n");
            chunk(out, "data: [DONE]\n\n");
            endChunks(out);
        }
    }

    /** An answer cut into tokens of up to four words, each keeping its trailing space. */
    private static List<String> tokens(String answer) {
        List<String> tokens = new ArrayList<>();
        String[] words = answer.split("(?<= )");
        for (int i = 0; i < words.length; i += 4) {
            tokens.add(String.join("", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + 4))));
        }
        return tokens;
    }

    private static String delta(String delta, String finishReason) {
        return "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finishReason == null ? "null" : json(finishReason)) + "}]}";
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }

    private static void streamHeaders(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void endChunks(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void respond(OutputStream out, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " Fake\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** A JSON string literal. */
    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
