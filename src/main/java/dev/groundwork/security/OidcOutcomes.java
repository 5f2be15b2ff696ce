package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Where the provider's redirect back ends: on the page, signed in, or on the page with {@code ?signin=failed}
 * (the page says so); both with an audit line.
 */
final class OidcOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final AuditLog audit;

    OidcOutcomes(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        audit.record(AuditEntry.of("sign-in", "success").with("by", "provider"), Actor.of(authentication),
                request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException failure) throws IOException {
        audit.record(AuditEntry.of("sign-in", "failed").with("by", "provider").with("reason", failure.getMessage()),
                Actor.ANONYMOUS, request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/?signin=failed");
    }
}
