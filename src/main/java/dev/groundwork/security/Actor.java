package dev.groundwork.security;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a request comes from, as the audit log and the document list name them.
 *
 * @param name       what to call the caller: the key's name, the user's name, {@code local}, {@code anonymous}
 * @param via        how the caller was told: {@code local}, {@code key}, {@code oidc} (the page's sign-in),
 *                   {@code token} (a provider's bearer token), {@code anonymous}
 * @param credential the key's prefix or the provider's subject; null when there is none
 * @param role       null when the caller has no role
 */
public record Actor(String name, String via, String credential, Role role) {

    static final Actor ANONYMOUS = new Actor("anonymous", "anonymous", null, null);

    /** The caller of the request being handled on this thread. */
    public static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Actor of(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        Role role = Role.highestOf(authentication.getAuthorities()).orElse(null);
        if (authentication instanceof ApiKeyAuthentication key) {
            return new Actor(key.getPrincipal().name(), "key", key.getPrincipal().prefix(), role);
        }
        if (authentication instanceof OAuth2AuthenticationToken signedIn) {
            Map<String, Object> claims = signedIn.getPrincipal().getAttributes();
            return new Actor(displayName(claims, PERSON, signedIn.getName()), "oidc", signedIn.getName(), role);
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            Map<String, Object> claims = token.getTokenAttributes();
            String subject = token.getToken().getSubject();
            return new Actor(displayName(claims, PERSON_OR_CLIENT, subject), "token", subject, role);
        }
        if (LocalUser.NAME.equals(authentication.getName())) {
            return new Actor(LocalUser.NAME, "local", null, role);
        }
        return new Actor(authentication.getName(), "other", null, role);
    }

    /** The claims that name a person, most readable first. */
    private static final String[] PERSON = {"preferred_username", "name", "email"};
    /** A token may also be a machine client's, which its id names. */
    private static final String[] PERSON_OR_CLIENT = {"preferred_username", "name", "email", "client_id"};

    /** The first of these claims the provider gave, else the subject. */
    static String displayName(Map<String, Object> claims, String[] names, String fallback) {
        for (String claim : names) {
            Object value = claims.get(claim);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return Optional.ofNullable(fallback).orElse("unknown");
    }

    /** Whether the caller was told apart from others (not anonymous). */
    public boolean known() {
        return !"anonymous".equals(via);
    }
}
