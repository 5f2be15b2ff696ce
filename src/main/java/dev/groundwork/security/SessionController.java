package dev.groundwork.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page's session: who is signed in and what they may do ({@code GET}), signing in by exchanging an API key
 * for a session ({@code POST}, {@code keys} mode; the key never stays in the browser), signing out
 * ({@code DELETE}, Spring Security's logout). The session cookie is HttpOnly; every change made with it needs the
 * CSRF token this endpoint hands out.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {

    /** The page's session, as the page reads it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionView(String mode, boolean signedIn, User user, Permissions can, SignIn signIn, Csrf csrf) {
    }

    /** @param role null when the user has no role */
    record User(String name, String role, String via) {
    }

    /** What the caller may do, so that the page can disable what they may not. */
    record Permissions(boolean read, boolean ask, boolean upload, boolean delete, boolean reindex, boolean admin) {
        static Permissions of(Role role) {
            boolean reader = role != null;
            boolean editor = reader && role.includes(Role.EDITOR);
            return new Permissions(reader, reader, editor, editor, editor, reader && role.includes(Role.ADMIN));
        }
    }

    /** How to sign in: with an API key on the page, or at the provider ({@code url}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SignIn(String method, String url) {
    }

    record Csrf(String headerName, String token) {
    }

    /** The body of a sign-in. */
    record KeySignIn(String key) {
    }

    private final SecuritySettings settings;
    private final KeyAuthenticator keys;
    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final AuditLog audit;

    SessionController(SecuritySettings settings, KeyAuthenticator keys, SecurityContextRepository contexts,
                      CsrfTokenRepository csrfTokens, AuditLog audit) {
        this.settings = settings;
        this.keys = keys;
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.audit = audit;
    }

    @GetMapping
    SessionView session(HttpServletRequest request) {
        Actor actor = Actor.current();
        String mode = settings.mode().name().toLowerCase(java.util.Locale.ROOT);
        if (!actor.known()) {
            SignIn signIn = settings.mode() == SecurityMode.OIDC ? new SignIn("oidc", OidcSignIn.SIGN_IN_PATH.substring(1))
                    : new SignIn("key", null);
            return new SessionView(mode, false, null, Permissions.of(null), signIn, null);
        }
        User user = new User(actor.name(), actor.role() == null ? null : actor.role().label(), actor.via());
        return new SessionView(mode, true, user, Permissions.of(actor.role()), null, csrfOf(request));
    }

    /** The CSRF token of a session; none for callers without one (local, bearer tokens). */
    private Csrf csrfOf(HttpServletRequest request) {
        if (!settings.mode().signsIn() || request.getSession(false) == null || !contexts.containsContext(request)) {
            return null;
        }
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? null : new Csrf(token.getHeaderName(), token.getToken());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> signIn(@RequestBody(required = false) KeySignIn body, HttpServletRequest request,
                             HttpServletResponse response) {
        if (settings.mode() != SecurityMode.KEYS) {
            return problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", settings.mode() == SecurityMode.OIDC
                    ? "The page signs in through the sign-in provider here, not with an API key."
                    : "Nobody signs in in local mode.");
        }
        if (body == null || body.key() == null || body.key().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "Send the API key as {\"key\": \"gwk_...\"}.");
        }
        BearerTokenAuthenticationToken attempt = new BearerTokenAuthenticationToken(body.key().strip());
        attempt.setDetails(new WebAuthenticationDetails(request));
        Authentication signedIn;
        try {
            signedIn = keys.authenticate(attempt);
        } catch (AuthenticationException e) {
            // the failure is in the audit log already, from its authentication event
            return problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", e.getMessage());
        }
        // a new session id at sign-in (no fixation), and a new CSRF token with it
        if (request.getSession(false) != null) {
            request.changeSessionId();
        } else {
            request.getSession(true);
        }
        csrfTokens.saveToken(null, request, response);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        audit.record(AuditEntry.of("sign-in", "success").with("by", "page"));
        return ResponseEntity.ok(session(request));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, code, detail));
    }
}
