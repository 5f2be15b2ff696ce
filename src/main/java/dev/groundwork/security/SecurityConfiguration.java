package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security, set up for the configured mode. Every mode: the Host allowlist (the firewall), refusal of
 * cross-site requests, CORS closed unless origins are listed, the access rules of {@link AccessRules}, rate limits
 * and the audit of every write. {@code local}: every request is the local user's, nothing is remembered between
 * requests. {@code keys}: API keys as bearer tokens, and sessions the page makes by exchanging a key (CSRF token on
 * every change). {@code oidc}: the page signs in with the provider, the API takes the provider's bearer tokens and
 * API keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final RequestMatcher SESSION = PathPatternRequestMatcher.pathPattern("/api/session");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuditLog auditLog() {
        return new AuditLog();
    }

    @Bean
    ApiKeys apiKeys(SecuritySettings settings, Clock clock) {
        ApiKeys keys = new ApiKeys(settings.keysFile(), clock);
        if (settings.mode().signsIn()) {
            // an unreadable key file stops the start, rather than every request failing later
            log.info("API keys in {}: {} active", keys.file(), keys.list().stream()
                    .filter(key -> key.state(clock.instant()) == ApiKey.State.ACTIVE).count());
        }
        return keys;
    }

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.EDITOR.name())
                .role(Role.EDITOR.name()).implies(Role.READER.name())
                .build();
    }

    /**
     * Spring Security observes every filter of every request and every authorization decision when an observation
     * registry is there (the actuator's): measured, a tenth of the CPU of a search. Sign-ins stay observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false)
                .shouldObserveAuthorizations(false).shouldObserveAuthentications(true).build();
    }

    /**
     * Every failed authentication becomes an event, which {@link SignInFailures} writes to the audit log. A bearer
     * token that passes is no event: it happens on every API call, and publishing it cost more than checking it.
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
        events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return new AuthenticationEventPublisher() {
            @Override
            public void publishAuthenticationSuccess(Authentication authentication) {
                // not an event worth its cost; sign-ins on the page are audited where they happen
            }

            @Override
            public void publishAuthenticationFailure(AuthenticationException failure, Authentication authentication) {
                events.publishAuthenticationFailure(failure, authentication);
            }
        };
    }

    @Bean
    SignInFailures signInFailures(AuditLog audit) {
        return new SignInFailures(audit);
    }

    @Bean
    KeyAuthenticator keyAuthenticator(ApiKeys keys, AuthenticationEventPublisher events) {
        return new KeyAuthenticator(keys, events);
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    SecurityContextRepository securityContextRepository(ApiKeys keys) {
        return new KeySessions(new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository()), keys);
    }

    @Bean
    HostAllowlist hostAllowlist(SecuritySettings settings, JsonMapper json) {
        if (settings.mode().signsIn() && settings.allowedHosts().stream().allMatch(SecurityConfiguration::isLocalName)) {
            log.warn("groundwork.security.allowed-hosts names this machine only ({}): requests addressed to any other "
                    + "name get 421; list the names Groundwork is reached by", settings.allowedHosts());
        }
        return new HostAllowlist(settings, new Problems(json));
    }

    private static boolean isLocalName(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
    }

    @Bean
    StrictHttpFirewall httpFirewall(HostAllowlist hosts) {
        return hosts.firewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(HostAllowlist hosts) {
        return hosts.refusals();
    }

    @Bean
    ListenAddress listenAddress(SecuritySettings settings) {
        return new ListenAddress(settings);
    }

    /**
     * The session cookie: SameSite=Strict with keys; Lax with a sign-in provider, whose redirect back after sign-in
     * is a navigation from another site that must carry the session holding the sign-in's state.
     */
    @Bean
    CookieSameSiteSupplier sessionCookieSameSite(SecuritySettings settings) {
        return settings.mode() == SecurityMode.OIDC ? CookieSameSiteSupplier.ofLax() : CookieSameSiteSupplier.ofStrict();
    }

    @Bean
    SecurityFilterChain groundworkSecurity(HttpSecurity http, SecuritySettings settings, JsonMapper json, Clock clock,
                                           AuditLog audit, KeyAuthenticator keys, CsrfTokenRepository csrf,
                                           SecurityContextRepository contexts, AuthenticationEventPublisher events,
                                           Environment environment) {
        Problems problems = new Problems(json);
        Refusals refusals = new Refusals(settings.mode(), problems);
        everyMode(http, settings, problems, refusals, audit, clock);
        switch (settings.mode()) {
            case LOCAL -> localUser(http);
            case KEYS -> sessionsAndBearerTokens(http, new BearerTokens(keys.manager(), null), refusals, csrf, contexts,
                    environment);
            case OIDC -> {
                OidcSignIn oidc = new OidcSignIn(settings.oidc());
                providerSignIn(http, oidc, audit);
                sessionsAndBearerTokens(http, new BearerTokens(keys.manager(), oidc.bearerTokens(events)), refusals, csrf,
                        contexts, environment);
            }
        }
        return http.build();
    }

    /** What no mode goes without: problem details, the access rules, CORS, the cross-site check, limits, audit. */
    private static void everyMode(HttpSecurity http, SecuritySettings settings, Problems problems, Refusals refusals,
                                  AuditLog audit, Clock clock) {
        http.cors(cors -> cors.configurationSource(cors(settings.allowedOrigins())))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .authorizeHttpRequests(AccessRules::apply)
                .addFilterAfter(new AuditFilter(audit), SecurityContextHolderFilter.class)
                .addFilterBefore(new CrossSiteRequests(settings.allowedOrigins(), problems), CorsFilter.class)
                .addFilterAfter(new RateLimits(settings.limits(), settings.mode(), clock, problems), AuthorizationFilter.class);
    }

    /** {@code local}: every request is the local user's; nothing to remember, no session, so no CSRF token. */
    private static void localUser(HttpSecurity http) {
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAt(new LocalUser(), AbstractPreAuthenticatedProcessingFilter.class);
    }

    /** {@code oidc}: the page signs in at the provider (authorization code with PKCE), with an audit line either way. */
    private static void providerSignIn(HttpSecurity http, OidcSignIn oidc, AuditLog audit) {
        ClientRegistrationRepository registrations = oidc.registrations();
        OidcOutcomes outcomes = new OidcOutcomes(audit);
        http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                .loginPage("/")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(OidcSignIn.withPkce(registrations)))
                .tokenEndpoint(token -> token.accessTokenResponseClient(OidcSignIn.tokenResponses()))
                .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(oidc.roles()::mapSignedIn))
                .successHandler(outcomes)
                .failureHandler(outcomes));
    }

    /**
     * {@code keys} and {@code oidc}: bearer tokens on API calls, the page's session (ended with its key), its CSRF
     * token on every change, and signing out with {@code DELETE /api/session}.
     */
    private static void sessionsAndBearerTokens(HttpSecurity http, BearerTokens bearer, Refusals refusals,
                                                CsrfTokenRepository csrf, SecurityContextRepository contexts,
                                                Environment environment) {
        http.oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(bearer)
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                .securityContext(context -> context.securityContextRepository(contexts))
                .csrf(csrfConfig -> csrfConfig.csrfTokenRepository(csrf)
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .logout(logout -> logout.logoutRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.DELETE, "/api/session"))
                        .deleteCookies(environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID"))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
    }

    /**
     * Changes made with the session cookie need the CSRF token; a request with a bearer token carries no ambient
     * credential and needs none, nor does the exchange of a key for a session (there is no session yet).
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        String method = request.getMethod();
        boolean unsafe = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || "TRACE".equals(method));
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean signIn = "POST".equals(method) && SESSION.matches(request);
        return unsafe && !bearer && !signIn;
    }

    /** CORS: closed (no cross-origin reads, no preflight passes) unless origins are listed. */
    private static CorsConfigurationSource cors(List<String> origins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration configuration = new CorsConfiguration();
            configuration.setAllowedOrigins(origins);
            configuration.setAllowedMethods(List.of("GET", "POST", "DELETE"));
            configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                    HttpHeaders.ACCEPT));
            // bearer tokens only: the session cookie never crosses origins
            configuration.setAllowCredentials(false);
            configuration.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", configuration);
            source.registerCorsConfiguration("/v1/**", configuration);
        }
        return source;
    }
}
