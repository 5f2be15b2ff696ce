package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Requests must be addressed to a name Groundwork is known by ({@code allowed-hosts}), checked by Spring
 * Security's firewall before anything else runs. A page on a rebinding DNS name that points at this machine is
 * then refused with 421, instead of becoming same-origin with the service. Other requests the firewall refuses (a
 * malformed URL) get 400.
 */
final class HostAllowlist implements Predicate<String> {

    private final boolean anyHost;
    private final Set<String> hosts;
    private final Problems problems;

    HostAllowlist(SecuritySettings settings, Problems problems) {
        this.anyHost = settings.anyHost();
        this.hosts = Set.copyOf(settings.allowedHosts());
        this.problems = problems;
    }

    @Override
    public boolean test(String serverName) {
        return anyHost || serverName != null && hosts.contains(SecuritySettings.hostName(serverName));
    }

    StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHostnames(this);
        return firewall;
    }

    /** What the firewall's refusals answer: 421 for a name not allowed, 400 for anything else it refuses. */
    RequestRejectedHandler refusals() {
        return this::refuse;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        if (!test(request.getServerName())) {
            problems.write(request, response, HttpStatus.MISDIRECTED_REQUEST, "HOST_NOT_ALLOWED", "This service does "
                    + "not answer to the name '" + request.getServerName() + "'; it is listed in "
                    + "groundwork.security.allowed-hosts when it should.");
            return;
        }
        problems.write(request, response, HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                "The request's URL or headers are not accepted.");
    }
}
