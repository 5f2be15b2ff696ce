package dev.groundwork.web;

import dev.groundwork.ingest.IngestSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds an upload before its body is read: a request that says it is larger than
 * {@code groundwork.ingest.max-request-size} gets 413 at once, without a byte of its body being read; one
 * that does not say (chunked) is cut off by the multipart limits as it streams in; and Tomcat reads no more
 * parts than {@code max-files-per-request} allows.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

    /** Form fields that may come with the files. */
    private static final int EXTRA_PARTS = 8;

    @Bean
    OncePerRequestFilter requestSizeFilter(IngestSettings settings, JsonMapper json) {
        return new RequestSizeFilter(settings.maxRequestSize().toBytes(), json);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> multipartPartLimit(IngestSettings settings) {
        return new PartLimit(settings.maxFilesPerRequest() + EXTRA_PARTS);
    }

    /** Runs after Boot's own customizer, so it wins over {@code server.tomcat.max-part-count}. */
    private record PartLimit(int maxParts) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addConnectorCustomizers(connector -> connector.setMaxPartCount(maxParts));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static final class RequestSizeFilter extends OncePerRequestFilter {
        private final long maxBytes;
        private final JsonMapper json;

        RequestSizeFilter(long maxBytes, JsonMapper json) {
            this.maxBytes = maxBytes;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            long declared = request.getContentLengthLong();
            if (declared <= maxBytes) {
                chain.doFilter(request, response);
                return;
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://groundwork.dev/problems/too-large");
            problem.put("title", HttpStatus.CONTENT_TOO_LARGE.getReasonPhrase());
            problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
            problem.put("detail", "The request is larger than the limit of " + maxBytes + " bytes.");
            problem.put("instance", request.getRequestURI());
            problem.put("code", "TOO_LARGE");
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // The body is never read: close the connection rather than leave it to be drained.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            byte[] body = json.writeValueAsBytes(problem);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            // Sent now: Tomcat then drains at most server.tomcat.max-swallow-size of the body before it closes.
            response.flushBuffer();
        }
    }
}
