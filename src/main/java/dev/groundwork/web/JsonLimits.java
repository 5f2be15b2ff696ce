package dev.groundwork.web;

import dev.groundwork.security.Problems;
import dev.groundwork.security.SecuritySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON request bodies are small, and bounded before they are read: one that declares a length over
 * {@code groundwork.security.limits.json-body} (64 KB) gets 413 at once; one that does not (chunked) is read by a
 * JSON parser whose stream-read constraints stop it at the same size, nested at most {@value #MAX_NESTING} deep,
 * which also answers 413 ({@link ProblemDetailsAdvice}).
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    /** Deeper than any request of this API, far shallower than a stack overflow. */
    static final int MAX_NESTING = 64;

    /**
     * Boot's builder of the JSON mapper (with every customizer Boot and the application register), on a parser
     * factory with the constraints. The mapper reads request bodies only: Groundwork's own files use mappers of their
     * own.
     */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers, SecuritySettings security) {
        int limit = (int) security.limits().jsonBody().toBytes();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(limit)
                .maxStringLength(limit)
                .maxNameLength(Math.min(limit, 50_000))
                .maxNestingDepth(MAX_NESTING)
                .build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    OncePerRequestFilter jsonBodyLengthFilter(SecuritySettings security, JsonMapper json) {
        return new DeclaredLengthFilter(security.limits().jsonBody().toBytes(), new Problems(json));
    }

    /** Refuses a JSON body that says it is too large, without reading a byte of it. */
    private static final class DeclaredLengthFilter extends OncePerRequestFilter {
        private final long maxBytes;
        private final Problems problems;

        DeclaredLengthFilter(long maxBytes, Problems problems) {
            this.maxBytes = maxBytes;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getContentLengthLong() <= maxBytes || !isJson(request.getContentType())) {
                chain.doFilter(request, response);
                return;
            }
            // the body is never read: close the connection rather than leave it to be drained
            response.setHeader(HttpHeaders.CONNECTION, "close");
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE",
                    "The JSON body is larger than the limit of " + maxBytes + " bytes.");
        }

        private static boolean isJson(String contentType) {
            try {
                MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
                return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                        || type.getSubtype().endsWith("+json"));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
