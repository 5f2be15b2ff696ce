package dev.groundwork.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 {@code UNAUTHENTICATED} and 403 {@code FORBIDDEN} as problem details, with a detail that says what to do: how
 * to sign in, or which role the request needs. A write without its CSRF token is 403 {@code CSRF_TOKEN} when the
 * caller has a session, and 401 when it has none (it was not signed in at all).
 */
final class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final SecurityMode mode;
    private final Problems problems;

    Refusals(SecurityMode mode, Problems problems) {
        this.mode = mode;
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean badToken = failure instanceof ApiKeyRejectedException || failure instanceof InvalidBearerTokenException;
        response.setHeader("WWW-Authenticate", badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", badToken
                ? detailOf(failure) : howToSignIn());
    }

    private static String detailOf(AuthenticationException failure) {
        if (failure instanceof ApiKeyRejectedException rejected) {
            return rejected.getMessage();
        }
        return "The bearer token is not valid: " + failure.getMessage();
    }

    private String howToSignIn() {
        return switch (mode) {
            case KEYS -> "Sign in on the page, or send an API key as 'Authorization: Bearer <key>'.";
            case OIDC -> "Sign in on the page, or send a bearer token from the sign-in provider (or an API key).";
            case LOCAL -> "This request needs a caller it could not tell.";
        };
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken);
        if (denied instanceof CsrfException) {
            if (!signedIn) {
                commence(request, response, new org.springframework.security.authentication
                        .InsufficientAuthenticationException("not signed in"));
                return;
            }
            problems.write(request, response, HttpStatus.FORBIDDEN, "CSRF_TOKEN", "This change needs the page's CSRF "
                    + "token (header X-CSRF-TOKEN); reload the page and try again.");
            return;
        }
        Actor actor = Actor.of(caller);
        String needs = AccessRules.roleFor(request).map(role -> "This needs the " + role.label() + " role")
                .orElse("This is refused");
        String has = actor.role() == null ? "you have no role in Groundwork" : "your role is " + actor.role().label();
        problems.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", needs + "; " + has + ".");
    }
}
