package dk.dkrw.hub.ops;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.web.OpsConnector;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;

/**
 * Spring Security for the two ports, told apart by the connector a request arrived on.
 *
 * <p>Partner port: permitted and left alone. Mutual TLS and {@code PartyAuthenticationFilter} authenticate
 * partners; this chain adds no headers, no session, no challenge.
 *
 * <p>Operator port, requests with credentials (API clients): HTTP Basic against {@code hub.ops.users},
 * stateless (no session, so no CSRF token to carry). Operator port, everything else: the console's chain with a
 * login form, a session and CSRF protection. Both: health probes open; reads need VIEWER or OPERATOR, every
 * other {@code /ops/v1} method OPERATOR.
 */
@Configuration(proxyBeanMethods = false)
public class OpsSecurityConfiguration {

    private static final String VIEWER = OperatorRole.VIEWER.name();
    private static final String OPERATOR = OperatorRole.OPERATOR.name();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** The console loads nothing from elsewhere and runs no inline script or style. */
    private static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @Bean
    PasswordEncoder operatorPasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operatorAccounts(HubProperties properties, PasswordEncoder operatorPasswordEncoder) {
        return new InMemoryUserDetailsManager(OperatorAccounts.from(properties.ops(), operatorPasswordEncoder));
    }

    @Bean
    WebSecurityCustomizer firewallRefusalsAsProblems(OperatorAuthenticationProblems problems) {
        return web -> web.requestRejectedHandler(problems);
    }

    @Bean
    @Order(1)
    SecurityFilterChain partnerPort(HttpSecurity http, OpsConnector ops) throws Exception {
        return http.securityMatcher(request -> !onOpsPort(request, ops))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** API clients: HTTP Basic on every call, stateless, no CSRF (no ambient session credential exists). */
    @Bean
    @Order(2)
    SecurityFilterChain operatorPort(HttpSecurity http, OpsConnector ops, OperatorAuthenticationProblems problems)
            throws Exception {
        return http.securityMatcher(request -> onOpsPort(request, ops) && sendsCredentials(request))
                .authorizeHttpRequests(OpsSecurityConfiguration::operatorRules)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * Everything else on the operator port: the console with its login form and a session, CSRF-protected
     * wherever a session (the only ambient credential here) exists, and at the login itself. Unauthenticated
     * API and actuator calls still get the 401 problem with a Basic challenge; console pages go to the login.
     */
    @Bean
    @Order(3)
    SecurityFilterChain operatorConsole(HttpSecurity http, OpsConnector ops, OperatorAuthenticationProblems problems,
                                        ConsoleLogins logins) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = new OrRequestMatcher(path.matcher("/ops/**"), path.matcher("/actuator/**"));
        RequestMatcher login = path.matcher(HttpMethod.POST, "/login");
        return http.securityMatcher(request -> onOpsPort(request, ops))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path.matcher(ConsoleLogins.LOGIN_PAGE), path.matcher("/assets/**"),
                                path.matcher(HttpMethod.GET, "/console/session"), path.matcher("/favicon.ico"))
                        .permitAll())
                .authorizeHttpRequests(OpsSecurityConfiguration::operatorRules)
                .formLogin(form -> form.loginPage(ConsoleLogins.LOGIN_PAGE).loginProcessingUrl("/login")
                        .successHandler(logins).failureHandler(logins).permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl(ConsoleLogins.LOGIN_PAGE + "?signed-out"))
                .exceptionHandling(failures -> failures
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(ConsoleLogins.LOGIN_PAGE), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                        && (request.getSession(false) != null || login.matches(request))))
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .build();
    }

    /** Health probes open; reads need VIEWER or OPERATOR, every other {@code /ops/v1} method OPERATOR. */
    private static void operatorRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"))
                .permitAll()
                .requestMatchers(path.matcher(HttpMethod.GET, "/ops/v1/**"),
                        path.matcher(HttpMethod.HEAD, "/ops/v1/**")).hasAnyRole(VIEWER, OPERATOR)
                .requestMatchers(path.matcher("/ops/v1/**")).hasRole(OPERATOR)
                .anyRequest().hasAnyRole(VIEWER, OPERATOR);
    }

    private static boolean sendsCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    private static boolean onOpsPort(HttpServletRequest request, OpsConnector ops) {
        return request.getLocalPort() == ops.localPort();
    }
}
