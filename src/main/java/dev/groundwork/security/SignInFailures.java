package dev.groundwork.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Writes an audit line for every failed sign-in: a bearer token or API key refused (on any request, or exchanged
 * on the page), with as much of the token as may be shown (a key's prefix) and the reason.
 */
final class SignInFailures {

    private final AuditLog audit;

    SignInFailures(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Object attempt = event.getAuthentication();
        String credential = attempt instanceof BearerTokenAuthenticationToken bearer
                ? ApiKeyFormat.looksLikeKey(bearer.getToken()) ? ApiKeyFormat.shownPart(bearer.getToken()) : "bearer-token"
                : "-";
        String client = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        String reason = event.getException() instanceof ApiKeyRejectedException rejected
                ? rejected.reason().name().toLowerCase(java.util.Locale.ROOT) : "invalid";
        audit.record(AuditEntry.of("sign-in", "failed").with("reason", reason)
                        .with("detail", event.getException().getMessage()),
                new Actor("anonymous", "anonymous", credential, null), client);
    }
}
