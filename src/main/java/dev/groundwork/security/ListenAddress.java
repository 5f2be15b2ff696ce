package dev.groundwork.security;

import java.net.InetAddress;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * In {@code local} mode, where nobody signs in, the service listens on the loopback only: {@code 127.0.0.1}
 * unless {@code server.address} says otherwise, and it refuses to start on any other address unless
 * {@code groundwork.security.local-on-network} acknowledges it. Runs after Boot's own customizer, which applies
 * {@code server.address}.
 */
final class ListenAddress implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private final SecuritySettings settings;

    ListenAddress(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (settings.mode() != SecurityMode.LOCAL) {
            return;
        }
        InetAddress address = factory instanceof AbstractConfigurableWebServerFactory configurable
                ? configurable.getAddress() : null;
        if (address == null) {
            factory.setAddress(InetAddress.getLoopbackAddress());
        } else if (!address.isLoopbackAddress() && !settings.localOnNetwork()) {
            throw new LocalModeOnNetworkException(address);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
