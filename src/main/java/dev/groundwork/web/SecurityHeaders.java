package dev.groundwork.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response. The page and the API get a strict Content-Security-Policy: scripts, styles
 * and connections from this origin only, no inline script or style, and Trusted Types required, so a string can
 * never reach an HTML sink such as {@code innerHTML}. Swagger UI, a third-party page that sets inline styles and
 * writes HTML from API descriptions, gets a policy of its own that allows just that.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

    /** The page's policy: everything from this origin, nothing inline, nothing framed, no HTML from strings. */
    static final String PAGE_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'");

    /** Swagger UI's: its scripts are files too, but it sets inline styles and renders HTML from descriptions. */
    static final String SWAGGER_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'");

    private static final String SWAGGER_PATH = "/swagger-ui";

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter());
        // First, so that every response has them, refusals of other filters included.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class SecurityHeadersFilter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            response.setHeader("Content-Security-Policy", path.startsWith(SWAGGER_PATH) ? SWAGGER_POLICY : PAGE_POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "no-referrer");
            // For browsers that predate frame-ancestors.
            response.setHeader("X-Frame-Options", "DENY");
            chain.doFilter(request, response);
        }
    }
}
