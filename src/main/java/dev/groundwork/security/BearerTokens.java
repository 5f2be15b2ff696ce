package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Which check a bearer token goes to: a Groundwork API key (it starts with {@code gwk_}) to the key store, any
 * other token to the sign-in provider, when there is one ({@code oidc}); in {@code keys} mode every token is
 * taken for a key.
 */
final class BearerTokens implements AuthenticationManagerResolver<HttpServletRequest> {

    private final BearerTokenResolver tokens = new DefaultBearerTokenResolver();
    private final AuthenticationManager keys;
    private final AuthenticationManager providerTokens;

    /** @param providerTokens null when there is no sign-in provider */
    BearerTokens(AuthenticationManager keys, AuthenticationManager providerTokens) {
        this.keys = keys;
        this.providerTokens = providerTokens;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String token = tokens.resolve(request);
        return providerTokens == null || ApiKeyFormat.looksLikeKey(token) ? keys : providerTokens;
    }
}
