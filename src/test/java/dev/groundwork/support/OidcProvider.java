package dev.groundwork.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenID Connect provider for the sign-in tests: Spring Authorization Server in an application context of its
 * own on a free port of {@code localhost}, with a sign-in form, PKCE, discovery, a JWK set, ID and access tokens.
 * Users: {@code alice} (roles claim {@code editor}) and {@code nora} (no role), password {@value #PASSWORD}.
 * Clients: {@code groundwork} (the service: authorization code, redirect to any port of 127.0.0.1), {@code ci}
 * (client credentials, a reader's token meant for Groundwork), {@code nobody} (a token meant for Groundwork that names
 * no role) and {@code other-app} (a token meant for another application).
 */
public final class OidcProvider implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery staple";
    public static final String CLIENT_SECRET = "groundwork-client-secret";
    public static final String CI_SECRET = "ci-secret";

    private static final Map<String, List<String>> ROLES = Map.of("alice", List.of("editor"), "ci", List.of("reader"),
            "other-app", List.of("admin"));

    private final ConfigurableApplicationContext context;
    private final int port;

    private OidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public static OidcProvider start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                // not Groundwork's application.yml: this is another application
                .properties("spring.config.name=oidc-test-provider", "server.port=0", "server.address=127.0.0.1",
                        "spring.main.banner-mode=off", "logging.level.org.springframework.security=warn",
                        "springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false")
                .run();
        return new OidcProvider(context);
    }

    /** The issuer, as discovery and every token say it. */
    public String issuer() {
        return "http://localhost:" + port;
    }

    /** An access token for a client-credentials client ({@code ci} or {@code other-app}). */
    public String clientToken(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
            }
            return JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The provider's beans. Neither a {@code @Configuration} nor {@code @EnableWebSecurity} (which is one):
     * Groundwork's component scan (in tests, the test classes too) must never pick it up. Boot's auto-configuration
     * turns web security on.
     */
    @EnableAutoConfiguration
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) {
            http.oauth2AuthorizationServer(server -> {
                http.securityMatcher(server.getEndpointsMatcher());
                server.oidc(Customizer.withDefaults());
            });
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
            http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signInForm(HttpSecurity http) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("alice").password("{noop}" + PASSWORD).roles("USER").build(),
                    User.withUsername("nora").password("{noop}" + PASSWORD).roles("USER").build());
        }

        @Bean
        RegisteredClientRepository clients() {
            RegisteredClient groundwork = RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId("groundwork")
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    // a loopback IP: the provider accepts it on any port, as OAuth 2.1 says
                    .redirectUri("http://127.0.0.1/login/oauth2/code/oidc")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .build();
            return new InMemoryRegisteredClientRepository(groundwork, machine("ci", CI_SECRET),
                    machine("nobody", "nobody-secret"), machine("other-app", "other-secret"));
        }

        private static RegisteredClient machine(String clientId, String secret) {
            return RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(clientId)
                    .clientSecret("{noop}" + secret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .build();
        }

        /**
         * Roles in ID and access tokens, as a provider's role mapper puts them; {@code ci}'s and {@code nobody}'s tokens
         * are meant for Groundwork.
         */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> roles() {
            return context -> {
                String name = context.getPrincipal().getName();
                if (ROLES.containsKey(name)) {
                    context.getClaims().claim("roles", ROLES.get(name));
                }
                if (("ci".equals(name) || "nobody".equals(name))
                        && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims().audience(List.of("groundwork"));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> jwkSource() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                var pair = generator.generateKeyPair();
                RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                        .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
                return new ImmutableJWKSet<>(new JWKSet(key));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** For the user info endpoint, which takes the provider's own access tokens. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
