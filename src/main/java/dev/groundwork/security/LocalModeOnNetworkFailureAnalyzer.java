package dev.groundwork.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which setting to change when {@code local} mode is asked to listen on the network. */
class LocalModeOnNetworkFailureAnalyzer extends AbstractFailureAnalyzer<LocalModeOnNetworkException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalModeOnNetworkException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set groundwork.security.mode=keys or oidc so that callers sign in (README, 'Running it on a network');"
                        + " or listen on the loopback only (leave server.address unset, or 127.0.0.1); or, when something"
                        + " else keeps the network out (a container whose port is published on the host's loopback"
                        + " only), acknowledge it with groundwork.security.local-on-network=true.", cause);
    }
}
