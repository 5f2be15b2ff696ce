package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** Which requests count as made by another site's page; the HTTP tests show the refusals themselves. */
class CrossSiteRequestsTests {

    private final CrossSiteRequests filter = new CrossSiteRequests(List.of("https://wiki.example.com"),
            new Problems(JsonMapper.builder().build()));

    private static MockHttpServletRequest request(String method, String path, String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setScheme("http");
        request.setServerName("localhost");
        request.setServerPort(8080);
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    private boolean refused(MockHttpServletRequest request) {
        return filter.fromAnotherSite(request, request.getHeader("Origin"));
    }

    @Test
    void theServicesOwnPageAndClientsThatAreNotBrowsersPass() {
        assertThat(refused(request("POST", "/api/documents", "Sec-Fetch-Site", "same-origin",
                "Origin", "http://localhost:8080"))).isFalse();
        assertThat(refused(request("POST", "/api/documents", "Origin", "http://localhost:8080"))).isFalse();
        assertThat(refused(request("POST", "/api/documents"))).isFalse();
        assertThat(refused(request("GET", "/api/search", "Sec-Fetch-Site", "none"))).isFalse();
    }

    @Test
    void changesFromAnyOtherOriginAreRefused() {
        assertThat(refused(request("POST", "/api/documents", "Sec-Fetch-Site", "cross-site"))).isTrue();
        assertThat(refused(request("DELETE", "/api/documents/x", "Sec-Fetch-Site", "same-site"))).isTrue();
        assertThat(refused(request("POST", "/api/reindex", "Origin", "http://localhost:9999"))).isTrue();
        assertThat(refused(request("POST", "/api/reindex", "Origin", "https://localhost:8080"))).isTrue();
        assertThat(refused(request("POST", "/api/reindex", "Origin", "null"))).isTrue();
        assertThat(refused(request("POST", "/static/anything", "Sec-Fetch-Site", "cross-site"))).isTrue();
    }

    @Test
    void otherPagesMayLinkToThePageButNotUseTheApi() {
        assertThat(refused(request("GET", "/", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate"))).isFalse();
        assertThat(refused(request("GET", "/api/documents", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode",
                "navigate"))).isFalse();
        assertThat(refused(request("GET", "/api/ask/stream", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode",
                "no-cors"))).isTrue();
        assertThat(refused(request("GET", "/actuator/health", "Sec-Fetch-Site", "same-site", "Sec-Fetch-Mode",
                "cors"))).isTrue();
        assertThat(refused(request("GET", "/favicon.svg", "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode",
                "no-cors"))).isFalse();
    }

    @Test
    void listedOriginsPassAndOnlyTheyGetAPreflight() {
        assertThat(refused(request("POST", "/api/ask", "Sec-Fetch-Site", "cross-site",
                "Origin", "https://wiki.example.com"))).isFalse();
        assertThat(refused(request("OPTIONS", "/api/ask", "Origin", "https://wiki.example.com",
                "Access-Control-Request-Method", "POST"))).isFalse();
        assertThat(refused(request("OPTIONS", "/api/ask", "Origin", "https://other.example.com",
                "Access-Control-Request-Method", "POST"))).isTrue();
    }
}
