package dev.groundwork.security;

import java.io.Serial;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller proven by an API key: the key's prefix, name and role, never the key itself, so that a session made
 * from a key holds nothing that could be replayed.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The key a caller used, as a principal. */
    record KeyHolder(String prefix, String name, Role role) implements java.io.Serializable {
    }

    private final KeyHolder holder;

    ApiKeyAuthentication(ApiKey key, Object details) {
        super(List.of(new SimpleGrantedAuthority(key.role().authority())));
        this.holder = new KeyHolder(key.prefix(), key.name(), key.role());
        setDetails(details);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public KeyHolder getPrincipal() {
        return holder;
    }

    @Override
    public String getName() {
        return holder.name();
    }
}
