package dev.groundwork.answer.llm;

import dev.groundwork.answer.FallbackReason;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Sorts what the LangChain4j client reports into the reasons an answer falls back. */
final class LlmErrors {

    private LlmErrors() {
    }

    /**
     * @param streaming whether tokens had already arrived: then nothing is retried
     */
    static LlmFailure classify(Throwable error, boolean streaming) {
        Integer status = null;
        Throwable io = null;
        Throwable json = null;
        boolean unreachable = false;
        boolean timeout = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && status == null) {
                status = http.statusCode();
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException || t instanceof HttpConnectTimeoutException
                    || t instanceof UnresolvedModelServerException) {
                unreachable = true;
            } else if (t instanceof HttpTimeoutException) {
                timeout = true;
            } else if (t instanceof IOException && io == null) {
                io = t;
            }
            if (json == null && t.getClass().getName().contains("Json")) {
                json = t;
            }
        }
        // Only the kind of error: a parser's message may quote the reply, which may quote the documents.
        String detail = error.getClass().getSimpleName();
        boolean early = !streaming;
        if (status != null) {
            if (status == 429) {
                return new LlmFailure(FallbackReason.LLM_RATE_LIMITED, "HTTP 429", early, error);
            }
            if (status >= 500) {
                return new LlmFailure(FallbackReason.LLM_SERVER_ERROR, "HTTP " + status, early, error);
            }
            return new LlmFailure(FallbackReason.LLM_REJECTED, "HTTP " + status + " " + detail, false, error);
        }
        if (unreachable) {
            String message = error.getMessage() == null ? "" : ": " + firstLine(error.getMessage());
            return new LlmFailure(FallbackReason.LLM_UNREACHABLE, detail + message, early, error);
        }
        if (timeout) {
            return new LlmFailure(FallbackReason.LLM_FIRST_TOKEN_TIMEOUT, detail, false, error);
        }
        if (json != null) {
            return new LlmFailure(FallbackReason.LLM_MALFORMED_REPLY, detail, false, error);
        }
        if (io != null) {
            return new LlmFailure(FallbackReason.LLM_STREAM_DROPPED, detail, early, error);
        }
        // Whatever else the client raises comes from reading a reply it did not expect.
        return new LlmFailure(FallbackReason.LLM_MALFORMED_REPLY, detail, false, error);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
