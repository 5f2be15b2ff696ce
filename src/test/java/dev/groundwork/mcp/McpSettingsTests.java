package dev.groundwork.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.config.SettingKeys;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

/** {@code groundwork.mcp.enabled}: a known key, and false leaves the server and its servlet out. */
class McpSettingsTests {

    @Test
    void disabledLeavesTheServerAndItsServletOut() {
        new ApplicationContextRunner().withUserConfiguration(McpConfiguration.class)
                .withPropertyValues("groundwork.mcp.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(McpStatelessSyncServer.class);
                    assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
                });
    }

    @Test
    void theKeyIsKnownSoSettingItDoesNotStopTheStart() {
        assertThat(SettingKeys.isKnown("groundwork.mcp.enabled")).isTrue();
        assertThat(SettingKeys.isKnown("groundwork.mcp.enable")).isFalse();
    }
}
