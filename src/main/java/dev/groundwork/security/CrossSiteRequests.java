package dev.groundwork.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests that another site's page made the browser send (403 {@code CROSS_SITE}), in every mode. A page
 * elsewhere can POST a form or a multipart body, or fire a DELETE through an image or a beacon, without any CORS
 * preflight; the browser says where such a request comes from in {@code Sec-Fetch-Site} and, for unsafe methods,
 * {@code Origin}. Refused: an unsafe request from any other origin (another port on {@code localhost} too), and any
 * API request another origin's page made other than by following a link, and every CORS preflight (CORS is closed
 * unless origins are listed). Clients that are not browsers send
 * neither header and are not affected; origins listed in {@code allowed-origins} are let through.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<String> API_PATHS = List.of("/api/", "/actuator", "/v3/api-docs", "/swagger-ui", OpenAiErrors.PREFIX);

    private final Set<String> allowedOrigins;
    private final Problems problems;

    CrossSiteRequests(List<String> allowedOrigins, Problems problems) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (fromAnotherSite(request, origin)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "CROSS_SITE", "Requests made by another site's "
                    + "pages are refused" + (origin == null ? "." : "; this one came from " + origin + "."));
            return;
        }
        chain.doFilter(request, response);
    }

    boolean fromAnotherSite(HttpServletRequest request, String origin) {
        if (origin != null && allowedOrigins.contains(origin)) {
            return false;
        }
        // a CORS preflight is another origin asking leave; only listed origins get it (CORS is closed otherwise)
        if ("OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader("Access-Control-Request-Method") != null) {
            return true;
        }
        boolean unsafe = !SAFE_METHODS.contains(request.getMethod());
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            if ("same-origin".equals(site) || "none".equals(site)) {
                return false;
            }
            boolean followedLink = !unsafe && "navigate".equals(request.getHeader("Sec-Fetch-Mode"));
            return unsafe || !followedLink && isApi(request);
        }
        // A browser that does not send Sec-Fetch-Site (plain http to a remote host) still sends Origin when unsafe.
        return unsafe && origin != null && !sameOrigin(origin, request);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return API_PATHS.stream().anyMatch(path::startsWith);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme.equals(request.getScheme())
                    && SecuritySettings.hostName(uri.getHost()).equals(SecuritySettings.hostName(request.getServerName()))
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
