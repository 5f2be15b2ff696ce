package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what: every endpoint, the role it needs, in one table. What the table does not name needs the admin
 * role, so an endpoint added without a rule fails closed for everyone else (while admins get the API's own 404 and
 * 405 for unknown paths and methods), and the role-matrix test, built from the request mappings, fails until the
 * endpoint has a rule and an expectation.
 */
final class AccessRules {

    /** One line of the table: requests the patterns match, and the role they need (null: anyone). */
    record Rule(HttpMethod method, List<String> patterns, Role role) {

        RequestMatcher matcher() {
            RequestMatcher[] matchers = patterns.stream()
                    .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, pattern))
                    .toArray(RequestMatcher[]::new);
            // a plain loop: this runs for several rules on every request
            return request -> {
                for (RequestMatcher matcher : matchers) {
                    if (matcher.matches(request)) {
                        return true;
                    }
                }
                return false;
            };
        }
    }

    static final List<Rule> RULES = List.of(
            // the page, its files, and what it needs before anyone signs in
            rule(HttpMethod.GET, null, "/", "/index.html", "/favicon.svg", "/css/**", "/js/**"),
            rule(null, null, "/error", "/api/session"),
            rule(HttpMethod.GET, null, "/actuator/health", "/actuator/health/**"),
            // reading and asking
            rule(HttpMethod.GET, Role.READER, "/api/documents", "/api/documents/*", "/api/search", "/api/ask/stream",
                    "/api/reindex/status", "/api/figures"),
            rule(HttpMethod.POST, Role.READER, "/api/ask", "/v1/chat/completions"),
            rule(HttpMethod.GET, Role.READER, "/v1/models", "/v1/models/*"),
            // the MCP server: its tools search, ask and read, as a reader may (GET and DELETE are 405: it keeps no
            // sessions)
            rule(null, Role.READER, "/mcp"),
            // changing what is indexed
            rule(HttpMethod.POST, Role.EDITOR, "/api/documents", "/api/reindex"),
            rule(HttpMethod.DELETE, Role.EDITOR, "/api/documents/*"),
            // running the service
            rule(null, Role.ADMIN, "/api/keys", "/api/keys/*", "/actuator", "/actuator/**", "/v3/api-docs",
                    "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"));

    private AccessRules() {
    }

    private static Rule rule(HttpMethod method, Role role, String... patterns) {
        return new Rule(method, List.of(patterns), role);
    }

    static void apply(
            AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (Rule rule : RULES) {
            var access = requests.requestMatchers(rule.matcher());
            if (rule.role() == null) {
                access.permitAll();
            } else {
                access.hasRole(rule.role().name());
            }
        }
        requests.anyRequest().hasRole(Role.ADMIN.name());
    }

    /** The role a request needs; empty for requests anyone may make. */
    static Optional<Role> roleFor(HttpServletRequest request) {
        for (Rule rule : RULES) {
            if (rule.matcher().matches(request)) {
                return Optional.ofNullable(rule.role());
            }
        }
        return Optional.of(Role.ADMIN);
    }
}
