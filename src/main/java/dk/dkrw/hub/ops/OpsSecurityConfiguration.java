package dk.dkrw.hub.ops;

import dk.dkrw.hub.config.HubProperties;
import dk.dkrw.hub.web.OpsConnector;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security for the two ports, told apart by the connector a request arrived on.
 *
 * <p>Partner port: permitted and left alone. Mutual TLS and {@code PartyAuthenticationFilter} authenticate
 * partners; this chain adds no headers, no session, no challenge.
 *
 * <p>Operator port: HTTP Basic against {@code hub.ops.users}, stateless (no session, so no CSRF token to
 * carry); health probes open; reads need VIEWER or OPERATOR, every other {@code /ops/v1} method OPERATOR.
 * The console, when it comes, gets its own chain with a login form and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
public class OpsSecurityConfiguration {

    private static final String VIEWER = OperatorRole.VIEWER.name();
    private static final String OPERATOR = OperatorRole.OPERATOR.name();

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

    @Bean
    @Order(2)
    SecurityFilterChain operatorPort(HttpSecurity http, OpsConnector ops, OperatorAuthenticationProblems problems)
            throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(request -> onOpsPort(request, ops))
                .authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"))
                        .permitAll()
                        .requestMatchers(path.matcher(HttpMethod.GET, "/ops/v1/**"),
                                path.matcher(HttpMethod.HEAD, "/ops/v1/**")).hasAnyRole(VIEWER, OPERATOR)
                        .requestMatchers(path.matcher("/ops/v1/**")).hasRole(OPERATOR)
                        .anyRequest().hasAnyRole(VIEWER, OPERATOR))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(failures -> failures.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    private static boolean onOpsPort(HttpServletRequest request, OpsConnector ops) {
        return request.getLocalPort() == ops.localPort();
    }
}
