package dev.groundwork.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

/**
 * A user's role, read from a claim of the provider's ID token, user info or access token
 * ({@code groundwork.security.oidc.roles-claim}): the highest role it names, else the default role, else none.
 */
final class OidcRoles {

    private final String claim;
    private final String prefix;
    private final Role defaultRole;

    OidcRoles(SecuritySettings.Oidc settings) {
        this.claim = settings.rolesClaim();
        this.prefix = settings.rolePrefix();
        this.defaultRole = settings.defaultRole();
    }

    /** The authorities of a user whose claims these are: one role, or none. */
    List<GrantedAuthority> authoritiesOf(Map<String, Object> claims) {
        return roleOf(claims).map(role -> List.<GrantedAuthority>of(new SimpleGrantedAuthority(role.authority())))
                .orElse(List.of());
    }

    /** For the page's sign-in: the claims the provider's user authority carries (ID token and user info). */
    Collection<? extends GrantedAuthority> mapSignedIn(Collection<? extends GrantedAuthority> granted) {
        for (GrantedAuthority authority : granted) {
            if (authority instanceof OAuth2UserAuthority user) {
                return authoritiesOf(user.getAttributes());
            }
        }
        return List.of();
    }

    Optional<Role> roleOf(Map<String, Object> claims) {
        Role best = null;
        for (String value : values(find(claims))) {
            if (!value.startsWith(prefix)) {
                continue;
            }
            Optional<Role> role = Role.ofLabel(value.substring(prefix.length()));
            if (role.isPresent() && (best == null || role.get().includes(best))) {
                best = role.get();
            }
        }
        return Optional.ofNullable(best).or(() -> Optional.ofNullable(defaultRole));
    }

    /** The claim by its full name (names may hold dots, e.g. URLs), else by a dotted path into nested claims. */
    private Object find(Map<String, Object> claims) {
        if (claims.containsKey(claim)) {
            return claims.get(claim);
        }
        Object current = claims;
        for (String part : claim.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            for (String value : text.split("[\\s,]+")) {
                if (!value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
