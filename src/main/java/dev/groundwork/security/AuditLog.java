package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: one line per write (upload, delete, re-index, key created or revoked, sign-in and its failure),
 * at INFO on the logger {@code groundwork.audit}, so that it can be sent to a file of its own. Each line names
 * the caller (principal, how it was told, key prefix or subject, role) and the client address. A write refused
 * before it ran (not signed in, no role, cross-site, rate-limited, too large) gets its line from
 * {@link AuditFilter}.
 */
public class AuditLog {

    /** The request attribute that says a line was written for the request, so that no other one is. */
    static final String RECORDED = AuditLog.class.getName() + ".recorded";

    private static final Logger log = LoggerFactory.getLogger("groundwork.audit");

    /** Records a write made by the caller of the request this thread serves. */
    public void record(AuditEntry entry) {
        HttpServletRequest request = currentRequest();
        record(entry, Actor.current(), request == null ? null : request.getRemoteAddr());
    }

    /** Records a write by a caller told some other way (the command line, a sign-in under way). */
    void record(AuditEntry entry, Actor actor, String client) {
        HttpServletRequest request = currentRequest();
        if (request != null) {
            request.setAttribute(RECORDED, Boolean.TRUE);
        }
        // the line as it always was; its fields also as key-value pairs, which a structured log format
        // (logging.structured.format.console: ecs, logstash) writes as JSON fields beside the request id
        LoggingEventBuilder event = log.atInfo();
        for (Map.Entry<String, String> field : entry.fields(actor, client).entrySet()) {
            event = event.addKeyValue("audit." + field.getKey(), field.getValue());
        }
        event.log(entry.line(actor, client));
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
