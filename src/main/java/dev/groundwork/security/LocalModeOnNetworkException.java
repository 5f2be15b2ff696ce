package dev.groundwork.security;

import java.net.InetAddress;

/** {@code local} mode, where nobody signs in, was told to listen on an address other machines can reach. */
class LocalModeOnNetworkException extends IllegalStateException {

    LocalModeOnNetworkException(InetAddress address) {
        super("Groundwork runs in local mode (groundwork.security.mode=local), where nobody signs in, but server.address="
                + address.getHostAddress() + " would let other machines reach it.");
    }
}
