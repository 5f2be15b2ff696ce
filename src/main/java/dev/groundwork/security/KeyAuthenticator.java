package dev.groundwork.security;

import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Checks API keys, for bearer requests and for the page's sign-in alike, and reports each failure as an
 * authentication event (the audit log writes it).
 */
final class KeyAuthenticator {

    private final ProviderManager manager;

    KeyAuthenticator(ApiKeys keys, AuthenticationEventPublisher events) {
        this.manager = new ProviderManager(new ApiKeyAuthenticationProvider(keys));
        this.manager.setAuthenticationEventPublisher(events);
    }

    AuthenticationManager manager() {
        return manager;
    }

    Authentication authenticate(Authentication attempt) throws AuthenticationException {
        return manager.authenticate(attempt);
    }
}
