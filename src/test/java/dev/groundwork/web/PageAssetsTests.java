package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The page's files keep to what its Content-Security-Policy allows, and never hand a string to an HTML sink: the
 * browser would refuse either, so such code would only fail in front of a user.
 */
class PageAssetsTests {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_SINK = Pattern.compile(
            "\\.(innerHTML|outerHTML)\\s*[+]?=|insertAdjacentHTML|document\\.write|createContextualFragment"
                    + "|\\beval\\s*\\(|new\\s+Function\\s*\\(|setAttribute\\(\\s*['\"](style|on)|DOMParser");

    @Test
    void thePageHasNoInlineScriptStyleOrHandler() throws IOException {
        String html = read(new ClassPathResource("static/index.html"));

        assertThat(INLINE_SCRIPT.matcher(html).find()).as("a <script> without src").isFalse();
        assertThat(INLINE_STYLE.matcher(html).find()).as("a <style> element or style attribute").isFalse();
        assertThat(INLINE_HANDLER.matcher(html).find()).as("an on...= handler attribute").isFalse();
        assertThat(html).contains("<script type=\"module\" src=\"js/app.js\"></script>");
    }

    @Test
    void theScriptsNeverTurnStringsIntoHtmlOrCode() throws IOException {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources("classpath:static/js/*.js");

        assertThat(scripts).hasSizeGreaterThan(5);
        for (Resource script : scripts) {
            assertThat(HTML_SINK.matcher(read(script)).results().map(m -> m.group()).toList())
                    .as(script.getFilename()).isEmpty();
        }
    }

    private static String read(Resource resource) throws IOException {
        try (var in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
