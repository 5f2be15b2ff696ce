package dev.groundwork.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint the running application serves, read from its request mappings (controllers, the actuator, the API
 * description) and its servlets beside Spring MVC's (the MCP server, listed as POST, the method it answers), plus the
 * page's files, which resource handlers serve. A new endpoint is in this list the moment it is mapped, so a test built
 * on it cannot miss it.
 */
final class Endpoints {

    /** The page and its files: served by resource handlers, not request mappings. */
    static final List<String> PAGE = List.of("GET /", "GET /index.html", "GET /js/app.js", "GET /css/app.css",
            "GET /favicon.svg");

    private Endpoints() {
    }

    /** "METHOD /pattern", sorted; a mapping for every method is listed as GET. */
    static Set<String> of(ApplicationContext context) {
        Set<String> endpoints = new TreeSet<>(PAGE);
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<RequestMethod> listed = methods.isEmpty() ? List.of(RequestMethod.GET) : new ArrayList<>(methods);
                for (String pattern : info.getPatternValues()) {
                    listed.forEach(method -> endpoints.add(method.name() + " " + pattern));
                }
            }
        }
        for (ServletRegistrationBean<?> servlet : context.getBeansOfType(ServletRegistrationBean.class).values()) {
            if (!(servlet.getServlet() instanceof DispatcherServlet)) {
                servlet.getUrlMappings().forEach(pattern -> endpoints.add("POST " + pattern));
            }
        }
        return endpoints;
    }

    /** A concrete path for a pattern: each variable takes a value that names nothing that exists. */
    static String pathOf(String pattern) {
        return pattern.replace("{id}", "0000000000000000")
                .replace("{prefix}", "gwk_aaaaaaaa")
                .replace("{requiredMetricName}", "jvm.memory.used")
                .replace("/**", "/liveness")
                .replaceAll("\\{[^}]+}", "x");
    }
}
