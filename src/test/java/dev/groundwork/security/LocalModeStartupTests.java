package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.GroundworkApplication;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

/** {@code local} mode listens on the loopback, and will not start on the network unless told it is safe. */
@ExtendWith(OutputCaptureExtension.class)
class LocalModeStartupTests {

    private static SecuritySettings settings(SecurityMode mode, boolean localOnNetwork) {
        return new SecuritySettings(mode, localOnNetwork, List.of("localhost"), List.of(), Path.of("keys.json"),
                new SecuritySettings.Limits(60, 600, 120, org.springframework.util.unit.DataSize.ofKilobytes(64)),
                new SecuritySettings.Oidc(null, null, null, List.of("openid"), "roles", "", null, List.of()));
    }

    @Test
    void localListensOnTheLoopbackWhenNoAddressIsSet() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();

        new ListenAddress(settings(SecurityMode.LOCAL, false)).customize(factory);

        assertThat(factory.getAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    }

    @Test
    void anotherAddressNeedsSignInOrAnAcknowledgement() throws Exception {
        TomcatServletWebServerFactory everywhere = new TomcatServletWebServerFactory();
        everywhere.setAddress(InetAddress.getByName("0.0.0.0"));

        assertThatThrownBy(() -> new ListenAddress(settings(SecurityMode.LOCAL, false)).customize(everywhere))
                .isInstanceOf(LocalModeOnNetworkException.class);
        new ListenAddress(settings(SecurityMode.LOCAL, true)).customize(everywhere);
        new ListenAddress(settings(SecurityMode.KEYS, false)).customize(everywhere);
        assertThat(everywhere.getAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
    }

    @Test
    void theServiceRefusesToStartInLocalModeOnAllInterfacesAndNamesTheSettings(@TempDir Path dir,
                                                                               CapturedOutput output) {
        SpringApplication application = new SpringApplication(GroundworkApplication.class);

        assertThatThrownBy(() -> application.run("--server.address=0.0.0.0", "--server.port=0",
                "--groundwork.ingest.dir=" + dir.resolve("ingest"), "--groundwork.index.dir=" + dir.resolve("index"),
                "--groundwork.sync.on-startup=false"))
                .hasRootCauseInstanceOf(LocalModeOnNetworkException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("server.address=0.0.0.0 would let other machines reach it")
                .contains("groundwork.security.mode=keys or oidc")
                .contains("groundwork.security.local-on-network=true");
    }
}
