package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.function.Supplier;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Sessions the page made by exchanging an API key last only as long as the key: a key revoked (or expired) ends
 * its sessions at their next request. Wraps the repository that keeps security contexts in sessions.
 */
final class KeySessions implements SecurityContextRepository {

    private final SecurityContextRepository delegate;
    private final ApiKeys keys;

    KeySessions(SecurityContextRepository delegate, ApiKeys keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext loaded = delegate.loadDeferredContext(request);
        return new Checked(loaded, () -> checked(loaded.get(), request));
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return checked(delegate.loadContext(holder), holder.getRequest());
    }

    private SecurityContext checked(SecurityContext context, HttpServletRequest request) {
        if (context.getAuthentication() instanceof ApiKeyAuthentication key && !keys.isActive(key.getPrincipal().prefix())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return SecurityContextHolder.createEmptyContext();
        }
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        delegate.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return delegate.containsContext(request);
    }

    private static final class Checked implements DeferredSecurityContext {
        private final DeferredSecurityContext loaded;
        private final Supplier<SecurityContext> check;
        private SecurityContext context;

        Checked(DeferredSecurityContext loaded, Supplier<SecurityContext> check) {
            this.loaded = loaded;
            this.check = check;
        }

        @Override
        public SecurityContext get() {
            if (context == null) {
                context = check.get();
            }
            return context;
        }

        @Override
        public boolean isGenerated() {
            return loaded.isGenerated() || get().getAuthentication() == null;
        }
    }
}
