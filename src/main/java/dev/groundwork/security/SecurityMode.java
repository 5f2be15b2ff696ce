package dev.groundwork.security;

/** How Groundwork tells who is calling ({@code groundwork.security.mode}). */
public enum SecurityMode {
    /** No sign-in; listens on the loopback only. Every caller is the local user, with every role. */
    LOCAL,
    /** API keys: {@code Authorization: Bearer <key>}; the page exchanges a key for a session. */
    KEYS,
    /** An OpenID Connect provider signs users in to the page; the API takes its bearer tokens (and API keys). */
    OIDC;

    /** Whether callers sign in, so that each request has an identity of its own. */
    public boolean signsIn() {
        return this != LOCAL;
    }
}
