package dev.groundwork.web;

import dev.groundwork.ingest.IngestSettings;
import dev.groundwork.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
        return new RequestSizeFilter(settings.maxRequestSize().toBytes(), new Problems(json));
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
        private final Problems problems;

        RequestSizeFilter(long maxBytes, Problems problems) {
            this.maxBytes = maxBytes;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() <= maxBytes) {
                chain.doFilter(request, response);
                return;
            }
            // The body is never read: close the connection rather than leave it to be drained. Sent at once (the
            // reply is flushed): Tomcat then drains at most server.tomcat.max-swallow-size of the body before it closes.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE",
                    "The request is larger than the limit of " + maxBytes + " bytes.");
        }
    }
}
