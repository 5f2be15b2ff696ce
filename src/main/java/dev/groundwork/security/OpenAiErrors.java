package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAI-compatible paths ({@code /v1/...}) answer failures in OpenAI's error shape, which their clients read,
 * instead of problem details: {@code {"error": {"message", "type", "param", "code"}}}, with the same status and the
 * same stable {@code code} as the rest of the API. Refusals made here (sign-in, roles, rate limits, Host, cross-site)
 * and the web layer's failures both take their body from {@link #body}.
 */
public final class OpenAiErrors {

    /** The paths that speak OpenAI's protocol. */
    public static final String PREFIX = "/v1/";

    private OpenAiErrors() {
    }

    /** Whether a request is on an OpenAI-compatible path. */
    public static boolean applies(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return path.startsWith(PREFIX);
    }

    /**
     * The error body.
     *
     * @param param the request field at fault, or null
     */
    public static Map<String, Object> body(int status, String code, String message, String param) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type(status));
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }

    /** OpenAI's error types, by status. */
    static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
