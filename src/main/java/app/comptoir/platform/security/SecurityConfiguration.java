package app.comptoir.platform.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.SecretKey;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.AccessTokens;
import app.comptoir.platform.AccountStatus;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.CredentialsVerifier;
import app.comptoir.platform.PasskeyAccounts;
import app.comptoir.platform.RememberedDevices;
import app.comptoir.platform.Role;
import app.comptoir.platform.TooManyRequestsException;

/**
 * Two filter chains: the stateless JSON API under {@code /api/v1} (bearer JWT, problem details on
 * 401/403) and the web UI (session cookie, form login, CSRF), both with security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'";

    @Bean
    SecretKey jwtKey(ComptoirProperties properties) {
        return JwtKeys.load(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtKey) {
        return NimbusJwtEncoder.withSecretKey(jwtKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtKey, java.time.Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
        java.time.Duration clockSkew = java.time.Duration.ofSeconds(5);
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
                new JwtIssuerValidator(AccessTokens.ISSUER)));
        return new VerifiedTokens(decoder, clock, clockSkew, 10_000);
    }

    /**
     * No tracing observation around every security filter, authentication and authorization: it
     * cost about a third of the CPU of a cached API request. Requests are still timed as a whole
     * ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Argon2id for new hashes: no 72-byte cap, so long passphrases count in full. Hashes stored before
     * (bcrypt, without an {@code {id}} prefix) still verify and are re-hashed at the next login
     * ({@link PasswordEncoder#upgradeEncoding}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", bcrypt));
        encoder.setDefaultPasswordEncoderForMatches(bcrypt);
        return encoder;
    }

    /** The API addresses the browser extension calls (docs/channels-extension.md). */
    static final List<String> EXTENSION_PATHS = List.of("/api/v1/channels/pairings/claim",
            "/api/v1/channels/vinted/session", "/api/v1/channels/extension/me");

    @Bean
    CorsConfigurationSource corsConfigurationSource(ComptoirProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        List<String> origins = properties.security().corsAllowedOrigins().stream()
                .flatMap(o -> java.util.Arrays.stream(o.split(","))).map(String::trim).filter(o -> !o.isEmpty())
                .toList();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
        cors.setExposedHeaders(List.of("Retry-After", "X-Request-Id", "Location", "Idempotent-Replayed",
                ApiRateLimitFilter.POLICY_HEADER, ApiRateLimitFilter.STATE_HEADER));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        // The browser extension (extension/, channels module) calls these from its own origin, with its device token
        // and never a cookie: any installed copy of it may pair, so its origins are allowed there and only there.
        CorsConfiguration extension = new CorsConfiguration();
        List<String> extensionOrigins = new java.util.ArrayList<>(List.of("chrome-extension://*", "moz-extension://*"));
        extensionOrigins.addAll(origins);
        extension.setAllowedOriginPatterns(extensionOrigins);
        extension.setAllowedMethods(List.of("GET", "POST", "PUT", "OPTIONS"));
        extension.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Request-Id"));
        extension.setExposedHeaders(List.of("Retry-After", "X-Request-Id"));
        extension.setAllowCredentials(false);
        extension.setMaxAge(3600L);
        for (String path : EXTENSION_PATHS) {
            source.registerCorsConfiguration(path, extension);
        }
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    /**
     * The store API of a business's shop ({@code /api/v1/store/{slug}}, module storefront): public, stateless, no
     * staff token. A shopper signs in there with the shop's own accounts and sends the shop's token, checked by the
     * storefront itself: a staff JWT is never read here, and a shopper's token never opens the staff API.
     */
    @Bean
    @Order(0)
    SecurityFilterChain storeApiChain(HttpSecurity http, JsonMapper jsonMapper,
                                      @Qualifier("corsConfigurationSource") CorsConfigurationSource corsSource) throws Exception {
        return ownCredentialsApi(http, jsonMapper, corsSource, "/api/v1/store/**");
    }

    /**
     * The browser extension's API (module channels): the pairing code, then the extension's own device token, is the
     * credential, checked by the channels module itself; no staff session or JWT is read here (an opaque device
     * token is not a JWT), and nothing here opens the staff API. The extension calls from its own origin
     * ({@code chrome-extension://…}, {@code moz-extension://…}), allowed on these addresses only (see the CORS source).
     */
    @Bean
    @Order(0)
    SecurityFilterChain channelsExtensionChain(HttpSecurity http, JsonMapper jsonMapper,
                                               @Qualifier("corsConfigurationSource") CorsConfigurationSource corsSource)
            throws Exception {
        return ownCredentialsApi(http, jsonMapper, corsSource, EXTENSION_PATHS.toArray(String[]::new));
    }

    /**
     * An API whose callers bring a credential its module checks itself (a shopper's token, a device token): open to
     * the security chain, stateless, no session, no staff JWT read, the CORS rules of the API.
     */
    private static SecurityFilterChain ownCredentialsApi(HttpSecurity http, JsonMapper jsonMapper,
                                                         CorsConfigurationSource corsSource, String... paths)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(jsonMapper);
        http.securityMatcher(paths)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .addFilterBefore(corsFilter(corsSource, problems), LogoutFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * The public shop of a business ({@code /shop/{slug}}, module storefront): open to anyone, no staff session. Its
     * shoppers sign in with the shop's own accounts (a cookie the storefront checks), so no staff session is made
     * or read here; forms are protected from other sites by {@link SameSiteForms} rather than a token in the page,
     * so the pages can be cached and served alike to every visitor.
     */
    @Bean
    @Order(1)
    SecurityFilterChain shopChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/shop/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new SameSiteForms(), AuthorizationFilter.class)
                .headers(h -> h
                        .cacheControl(c -> c.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper jsonMapper, AccountStatus accounts,
                             @Qualifier("corsConfigurationSource") CorsConfigurationSource corsSource,
                             ApiRateLimits rateLimits, app.comptoir.platform.SharedCounters counters)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(jsonMapper);
        http.addFilterBefore(LiveAccountFilter.forApi(accounts, problems), AuthorizationFilter.class);
        // After the account check (same anchor, added later, so it runs after it): only live principals are counted.
        http.addFilterBefore(new ApiRateLimitFilter(rateLimits, counters, problems), AuthorizationFilter.class);
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/login",
                                "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/auth/password-reset",
                                "/api/v1/auth/password-reset/confirm").permitAll()
                        // The public booking API of a business (bookings): anyone books, the customer's link is
                        // the secret of their appointment.
                        .requestMatchers("/api/v1/booking/**").permitAll()
                        // Payment providers' webhooks: the provider signs each delivery, checked on the raw body.
                        .requestMatchers(HttpMethod.POST, "/api/v1/payments/*/webhook/*").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .addFilterBefore(corsFilter(corsSource, problems), LogoutFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::toAuthentication))
                        .authenticationEntryPoint((req, res, e) -> problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                tokenProblemType(req, e), tokenProblemDetail(req, e)))
                        .accessDeniedHandler((req, res, e) -> problems.write(req, res, HttpStatus.FORBIDDEN, "forbidden",
                                "Your role does not allow this action")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                tokenProblemType(req, e), tokenProblemDetail(req, e)))
                        .accessDeniedHandler((req, res, e) -> problems.write(req, res, HttpStatus.FORBIDDEN, "forbidden",
                                "Your role does not allow this action")));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, CredentialsVerifier verifier, AccountStatus accounts,
                                 java.time.Clock clock, RememberedDevices devices,
                                 org.springframework.beans.factory.ObjectProvider<WebAuthnRelyingPartyOperations> passkeys,
                                 org.springframework.beans.factory.ObjectProvider<PasskeyAccounts> passkeyAccounts,
                                 @Value("${comptoir.security.session.absolute-lifetime:12h}") java.time.Duration sessionLifetime,
                                 @Value("${comptoir.security.remember-me.ttl:30d}") java.time.Duration rememberFor)
            throws Exception {
        // The key only ties the token made at an automatic sign-in to this node's provider: a fresh one per start.
        DeviceRememberMe rememberMe = new DeviceRememberMe(devices, UUID.randomUUID().toString(), rememberFor);
        http.addFilterBefore(LiveAccountFilter.forWeb(accounts, clock, sessionLifetime), AuthorizationFilter.class);
        // springdoc redirects the Swagger UI at /api/docs to /api/swagger-ui/index.html
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/signup", "/forgot-password", "/reset-password",
                                "/invitation", "/supplier-invitation/*", "/pay/*/orders/*", "/error", "/error/**", "/webjars/**", "/css/**",
                                "/js/**", "/img/**", "/favicon.ico", "/api/docs", "/api/docs/**", "/api/swagger-ui/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/livez", "/readyz",
                                "/book/**", "/verify/**", "/robots.txt", "/floor.webmanifest", "/floor-sw.js")
                        .permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(formLoginProvider(verifier))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/app", true)
                        .failureHandler((req, res, e) -> res.sendRedirect(req.getContextPath() + "/login?"
                                + (e instanceof ThrottledLogin t ? "throttled=" + t.retryAfterSeconds
                                : e instanceof DisabledException ? "disabled" : "error"))))
                .rememberMe(remember -> remember.rememberMeServices(rememberMe).key(rememberMe.key()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // An htmx request whose session has expired would swap the login page into a fragment of
                // the page; tell htmx to send the whole window to the login page instead.
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor((req, res, e) -> {
                            res.setHeader("HX-Redirect", req.getContextPath() + "/login");
                            res.setStatus(HttpStatus.UNAUTHORIZED.value());
                        }, req -> "true".equals(req.getHeader("HX-Request")))
                        // Named explicitly: with a single mapping, Spring Security would use the htmx one for all.
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        // A form posted after the session expired carries a stale CSRF token: that is not an
                        // access denial ("your role...") but a sign-in to redo.
                        .accessDeniedHandler(new DelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(CsrfException.class,
                                        (req, res, e) -> res.sendRedirect(req.getContextPath() + "/login?expired"))),
                                new AccessDeniedHandlerImpl())))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        WebAuthnRelyingPartyOperations passkeyOperations = passkeys.getIfAvailable();
        if (passkeyOperations != null) {
            PasskeySignIn.configure(http, passkeyOperations, passkeyAccounts.getObject());
        }
        return http.build();
    }

    /**
     * The passkey relying party (WebAuthn), on unless {@code comptoir.webauthn.enabled=false}: relying party id
     * {@code comptoir.webauthn.rp-id} (the host name the browser shows), allowed origins
     * {@code comptoir.webauthn.allowed-origins} (by default that host on the server's port).
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "comptoir.webauthn.enabled",
            havingValue = "true", matchIfMissing = true)
    WebAuthnRelyingPartyOperations passkeyOperations(PublicKeyCredentialUserEntityRepository users,
            UserCredentialRepository credentials, org.springframework.core.env.Environment environment,
            @Value("${comptoir.webauthn.rp-id:localhost}") String rpId,
            @Value("${comptoir.webauthn.allowed-origins:}") List<String> allowedOrigins) {
        return new PasskeyOperations(users, credentials, rpId, allowedOrigins, environment);
    }

    /** Spring Security's CORS filter, but refusing with a problem (see {@link ProblemCorsProcessor}). */
    private static CorsFilter corsFilter(CorsConfigurationSource source, ProblemResponses problems) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    private static AuthenticationProvider formLoginProvider(CredentialsVerifier verifier) {
        return new AuthenticationProvider() {
            @Override
            public org.springframework.security.core.Authentication authenticate(
                    org.springframework.security.core.Authentication authentication) {
                String address = authentication.getDetails()
                        instanceof org.springframework.security.web.authentication.WebAuthenticationDetails d
                        ? d.getRemoteAddress() : "unknown";
                try {
                    ComptoirPrincipal principal = verifier.verify(authentication.getName(),
                            String.valueOf(authentication.getCredentials()), address);
                    return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities(principal.roles()));
                } catch (TooManyRequestsException e) {
                    throw new ThrottledLogin(e.retryAfterSeconds());
                } catch (ComptoirException e) {
                    if ("account-disabled".equals(e.type())) {
                        throw new DisabledException(e.getMessage());
                    }
                    throw new BadCredentialsException(e.getMessage());
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    static AbstractAuthenticationToken toAuthentication(Jwt jwt) {
        @SuppressWarnings("unchecked")
        Set<Role> roles = ((Collection<String>) jwt.getClaim("roles")).stream().map(Role::valueOf)
                .collect(Collectors.toSet());
        ComptoirPrincipal principal = new ComptoirPrincipal(UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaimAsString("tid")), jwt.getClaimAsString("email"),
                jwt.getClaimAsString("name"), roles, tokenVersion(jwt));
        return UsernamePasswordAuthenticationToken.authenticated(principal, jwt, authorities(roles));
    }

    /** Tokens issued before the claim existed count as version 0, the version every account started at. */
    private static int tokenVersion(Jwt jwt) {
        Object claim = jwt.getClaim(AccessTokens.TOKEN_VERSION);
        return claim instanceof Number n ? n.intValue() : 0;
    }

    static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    private static String tokenProblemType(jakarta.servlet.http.HttpServletRequest req, AuthenticationException e) {
        if (e != null && e.getMessage() != null && e.getMessage().contains("expired")) {
            return "token-expired";
        }
        String header = req.getHeader("Authorization");
        return header == null || header.isBlank() ? "missing-token" : "invalid-token";
    }

    private static String tokenProblemDetail(jakarta.servlet.http.HttpServletRequest req, AuthenticationException e) {
        return switch (tokenProblemType(req, e)) {
            case "token-expired" -> "The access token has expired; refresh it or sign in again";
            case "missing-token" -> "This endpoint needs a bearer access token (Authorization: Bearer ...)";
            default -> "The access token is invalid";
        };
    }

    /** A form login refused because of throttling, remembering how long to wait. */
    static final class ThrottledLogin extends AuthenticationException {
        final long retryAfterSeconds;

        ThrottledLogin(long retryAfterSeconds) {
            super("Too many attempts");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
