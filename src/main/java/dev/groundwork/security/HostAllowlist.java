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
        firewall.setAllowedHeaderNames(printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_NAMES));
        firewall.setAllowedHeaderValues(printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_VALUES));
        firewall.setAllowedParameterNames(printableAsciiOr(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES));
        return firewall;
    }

    /**
     * The firewall's own rule (no control characters, no unassigned code points), answered at once for the common
     * case: text of printable ASCII passes it. Anything else goes to the rule itself. The rule is a regular expression
     * matched against every header read on every request, a measurable part of the security chain's cost.
     */
    static Predicate<String> printableAsciiOr(Predicate<String> rule) {
        return text -> isPrintableAscii(text) || rule.test(text);
    }

    private static boolean isPrintableAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
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
