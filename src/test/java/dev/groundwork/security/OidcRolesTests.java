package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcRolesTests {

    private static OidcRoles roles(String claim, String prefix, Role defaultRole) {
        return new OidcRoles(new SecuritySettings.Oidc(URI.create("https://sso.example.com"), "groundwork", "s",
                List.of("openid"), claim, prefix, defaultRole, List.of()));
    }

    @Test
    void theHighestRoleTheClaimNamesCounts() {
        OidcRoles roles = roles("roles", "", null);

        assertThat(roles.roleOf(Map.of("roles", List.of("reader", "ADMIN", "editor")))).contains(Role.ADMIN);
        assertThat(roles.roleOf(Map.of("roles", "reader editor"))).contains(Role.EDITOR);
        assertThat(roles.roleOf(Map.of("roles", List.of("owner")))).isEmpty();
        assertThat(roles.roleOf(Map.of())).isEmpty();
    }

    @Test
    void aDottedPathReadsKeycloaksNestedRolesAndAPrefixSetsThemApart() {
        OidcRoles roles = roles("realm_access.roles", "groundwork-", null);

        assertThat(roles.roleOf(Map.of("realm_access", Map.of("roles",
                List.of("offline_access", "editor", "groundwork-reader"))))).contains(Role.READER);
    }

    @Test
    void aClaimNamedWithDotsIsReadByItsFullName() {
        OidcRoles roles = roles("https://groundwork.example/roles", "", null);

        assertThat(roles.roleOf(Map.of("https://groundwork.example/roles", List.of("editor")))).contains(Role.EDITOR);
    }

    @Test
    void aUserWhoseClaimNamesNoRoleGetsTheDefaultRoleIfOneIsSet() {
        assertThat(roles("roles", "", Role.READER).roleOf(Map.of("email", "a@example.com"))).contains(Role.READER);
        assertThat(roles("roles", "", Role.READER).authoritiesOf(Map.of()))
                .extracting(Object::toString).containsExactly("ROLE_READER");
    }
}
