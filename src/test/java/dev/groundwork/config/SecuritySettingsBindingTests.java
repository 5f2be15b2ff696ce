package dev.groundwork.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.security.SecurityMode;
import dev.groundwork.security.SecuritySettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SecuritySettingsBindingTests {

    // lazy: only the settings asked for are made (the answer settings would need an encoder)
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(SettingsConfiguration.class)
            .withBean(LazyInitializationBeanFactoryPostProcessor.class);

    @Test
    void defaultsAreLocalModeWithLocalNamesClosedCorsAndTheLimits() {
        runner.run(context -> {
            SecuritySettings settings = context.getBean(SecuritySettings.class);
            assertThat(settings.mode()).isEqualTo(SecurityMode.LOCAL);
            assertThat(settings.localOnNetwork()).isFalse();
            assertThat(settings.allowedHosts()).containsExactly("localhost", "127.0.0.1", "::1");
            assertThat(settings.allowedOrigins()).isEmpty();
            assertThat(settings.keysFile()).isEqualTo(Path.of("keys/api-keys.json"));
            assertThat(settings.limits().askPerMinute()).isEqualTo(60);
            assertThat(settings.limits().searchPerMinute()).isEqualTo(600);
            assertThat(settings.limits().uploadPerMinute()).isEqualTo(120);
            assertThat(settings.limits().jsonBody().toKilobytes()).isEqualTo(64);
            assertThat(settings.oidc().rolesClaim()).isEqualTo("roles");
        });
    }

    @Test
    void oidcSettingsBindAndTheAudienceDefaultsToTheClient() {
        runner.withPropertyValues("groundwork.security.mode=oidc",
                "groundwork.security.oidc.issuer-uri=https://sso.example.com/realms/team",
                "groundwork.security.oidc.client-id=groundwork", "groundwork.security.oidc.client-secret=s",
                "groundwork.security.oidc.roles-claim=realm_access.roles",
                "groundwork.security.oidc.default-role=reader",
                "groundwork.security.allowed-hosts=docs.example.com,[2001:db8::1]").run(context -> {
            SecuritySettings settings = context.getBean(SecuritySettings.class);
            assertThat(settings.mode()).isEqualTo(SecurityMode.OIDC);
            assertThat(settings.oidc().acceptedAudiences()).containsExactly("groundwork");
            assertThat(settings.oidc().defaultRole()).hasToString("READER");
            assertThat(settings.allowedHosts()).containsExactly("docs.example.com", "2001:db8::1");
        });
    }

    @Test
    void incompleteOrMalformedSettingsStopTheStartNamingTheKey() {
        assertRefused("groundwork.security.oidc.issuer-uri and groundwork.security.oidc.client-id",
                "groundwork.security.mode=oidc");
        assertRefused("allowed-origins must be origins", "groundwork.security.allowed-origins=https://wiki.example.com/page");
        assertRefused("json-body must be between 1KB and 16MB", "groundwork.security.limits.json-body=1GB");
        assertRefused("api-key is set but base-url is plain http:// to another machine",
                "groundwork.llm.base-url=http://llm.example.com:8000/v1", "groundwork.llm.api-key=sk-1");
    }

    private void assertRefused(String message, String... properties) {
        runner.withPropertyValues(properties).run(context -> assertThatThrownBy(() -> context.getBean(SecuritySettings.class))
                .rootCause().hasMessageContaining(message));
    }
}
