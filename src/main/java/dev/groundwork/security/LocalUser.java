package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * In {@code local} mode the caller is the person at this machine: every request is theirs, with every role. A
 * pre-authenticated principal (the loopback did the telling), so that the same access rules serve every mode.
 */
final class LocalUser extends AbstractPreAuthenticatedProcessingFilter {

    static final String NAME = "local";

    LocalUser() {
        setAuthenticationManager(authentication -> new PreAuthenticatedAuthenticationToken(NAME, "",
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        // nothing to remember between requests: no session
        setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
    }

    @Override
    protected Object getPreAuthenticatedPrincipal(HttpServletRequest request) {
        return NAME;
    }

    @Override
    protected Object getPreAuthenticatedCredentials(HttpServletRequest request) {
        return "";
    }
}
