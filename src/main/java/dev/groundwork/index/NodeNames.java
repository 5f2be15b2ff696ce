package dev.groundwork.index;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A name for this Groundwork node, when none is configured: its host name (a container's name) and process id. */
public final class NodeNames {

    private NodeNames() {
    }

    public static String of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
