package dev.groundwork.mcp;

/**
 * A tool call refused with a stable problem code, as the REST API would refuse the same request (the codes of its
 * problem details), told to the client as a tool error rather than a protocol error: a model reads it and can try
 * again with other arguments.
 */
class ToolFailure extends RuntimeException {

    private final String code;

    ToolFailure(String code, String detail) {
        super(detail);
        this.code = code;
    }

    String code() {
        return code;
    }
}
