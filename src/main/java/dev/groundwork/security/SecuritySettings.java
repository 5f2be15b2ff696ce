package dev.groundwork.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may call Groundwork, and the limits every caller keeps to.
 *
 * @param mode           {@code local} (no sign-in, loopback only), {@code keys} (API keys) or {@code oidc}
 * @param localOnNetwork lets {@code local} listen on an address other than the loopback; for a container whose
 *                       port is published on the host's loopback only
 * @param allowedHosts   the names a request may be addressed to (its {@code Host}); others get 421. {@code *}
 *                       allows any, which gives up the protection against DNS rebinding
 * @param allowedOrigins web origins (e.g. {@code https://wiki.example.com}) whose pages may call the API: CORS is
 *                       opened to them and their requests are not refused as cross-site. None by default
 * @param keysFile       where API keys are kept (their hashes only)
 * @param limits         rate limits and body limits
 * @param oidc           the OpenID Connect provider, with {@code mode: oidc}
 */
public record SecuritySettings(
        @DefaultValue("local") @NotNull SecurityMode mode,
        @DefaultValue("false") boolean localOnNetwork,
        @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) @NotEmpty List<String> allowedHosts,
        @DefaultValue({}) @NotNull List<String> allowedOrigins,
        @DefaultValue("keys/api-keys.json") @NotNull Path keysFile,
        @Valid @NotNull @DefaultValue Limits limits,
        @Valid @NotNull @DefaultValue Oidc oidc) {

    public SecuritySettings {
        allowedHosts = allowedHosts.stream().map(SecuritySettings::hostName).toList();
        allowedOrigins = allowedOrigins.stream().map(origin -> origin.strip().replaceAll("/+$", "")).toList();
    }

    /**
     * Rate limits per caller (per client address in {@code local}) and the size of JSON bodies. A limit of 0
     * turns that limit off.
     *
     * @param askPerMinute    questions, JSON and streamed together; one more: 429 RATE_LIMITED
     * @param searchPerMinute searches
     * @param uploadPerMinute upload requests
     * @param jsonBody        the largest JSON request body; larger: 413 TOO_LARGE
     */
    public record Limits(
            @DefaultValue("60") @Min(0) @Max(1_000_000) int askPerMinute,
            @DefaultValue("600") @Min(0) @Max(1_000_000) int searchPerMinute,
            @DefaultValue("120") @Min(0) @Max(1_000_000) int uploadPerMinute,
            @DefaultValue("64KB") @NotNull DataSize jsonBody) {

        @AssertTrue(message = "json-body must be between 1KB and 16MB")
        boolean isJsonBodySensible() {
            return jsonBody == null || jsonBody.toBytes() >= 1024 && jsonBody.toBytes() <= 16L * 1024 * 1024;
        }
    }

    /**
     * The OpenID Connect provider that signs users in ({@code mode: oidc}).
     *
     * @param issuerUri    the provider's issuer, e.g. {@code https://sso.example.com/realms/team}; its
     *                     {@code /.well-known/openid-configuration} is read at start-up
     * @param clientId     Groundwork's client at the provider
     * @param clientSecret the client's secret
     * @param scopes       scopes asked for at sign-in
     * @param rolesClaim   the claim holding the user's roles (a list or a space-separated string); a dotted path
     *                     reads a nested claim, e.g. {@code realm_access.roles}
     * @param rolePrefix   put before each role name in the claim, e.g. {@code groundwork-} for
     *                     {@code groundwork-editor}
     * @param defaultRole  the role of a user whose claim names none; unset: such a user may do nothing
     * @param audiences    an API bearer token must be meant for one of these; empty: for {@code client-id}
     */
    public record Oidc(
            URI issuerUri,
            String clientId,
            String clientSecret,
            @DefaultValue({"openid", "profile", "email"}) @NotEmpty List<String> scopes,
            @DefaultValue("roles") @NotNull String rolesClaim,
            @DefaultValue("") @NotNull String rolePrefix,
            Role defaultRole,
            @DefaultValue({}) @NotNull List<String> audiences) {

        public Oidc {
            // an empty variable (a compose file passing GROUNDWORK_SECURITY_OIDC_ISSUER_URI=) is no value
            issuerUri = issuerUri == null || issuerUri.toString().isBlank() ? null : issuerUri;
            clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
        }

        /** The client secret is never shown. */
        @Override
        public String toString() {
            return "Oidc[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "unset" : "[set]") + ", scopes=" + scopes + ", rolesClaim=" + rolesClaim
                    + ", rolePrefix=" + rolePrefix + ", defaultRole=" + defaultRole + ", audiences=" + audiences + "]";
        }

        /** The audiences a bearer token must name one of. */
        public List<String> acceptedAudiences() {
            return audiences.isEmpty() && clientId != null ? List.of(clientId) : audiences;
        }
    }

    @AssertTrue(message = "with mode: oidc, set groundwork.security.oidc.issuer-uri and groundwork.security.oidc.client-id")
    boolean isOidcConfigured() {
        return mode != SecurityMode.OIDC || oidc == null || oidc.issuerUri() != null && oidc.clientId() != null
                && !oidc.clientId().isBlank();
    }

    @AssertTrue(message = "allowed-origins must be origins such as https://wiki.example.com (scheme, host, port; no path)")
    boolean isOriginsWellFormed() {
        return allowedOrigins == null || allowedOrigins.stream().allMatch(SecuritySettings::isOrigin);
    }

    /** Whether every host name is allowed ({@code *}). */
    public boolean anyHost() {
        return allowedHosts.contains("*");
    }

    /** Lower case, without the brackets of an IPv6 literal, so that both sides of a comparison agree. */
    static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    private static boolean isOrigin(String origin) {
        try {
            URI uri = URI.create(origin);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
