package org.wedops.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Bearer-token rules shared by every service: tokens are checked as {@link SecurityProperties} says (issuer's JWKS, or
 * a local HS256 secret; {@link TokenDecoders}); health is open but bare without a token (probes), metrics need the
 * scrape token or ADMIN ({@link ScrapeToken}), reads need VIEWER, changes need OPERATOR (ADMIN-only actions say so with {@code @PreAuthorize}), and ingest endpoints that
 * a service lists in {@link IngestEndpoints} also accept tokens with the ingest scope. CSRF is off: there are no
 * cookies, only bearer tokens. Refusals are problem+json (401 says why the token was refused, 403 what the request
 * needed, 503 that the identity provider could not be reached to check it), and the authenticated principal is left on the exchange for audit and rate limits
 * ({@link AuthenticatedPrincipal}).
 */
// before Boot's own chains, so theirs back off instead of running beside this one
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration"})
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class WedopsSecurityConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WedopsSecurityConfiguration.class);
    static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        if (properties.mode() == SecurityProperties.Mode.LOCAL) {
            log.warn("Tokens are checked against a shared HS256 secret (wedops.security.mode=local): for the local stack and tests only");
        }
        return TokenDecoders.of(properties);
    }

    @Bean
    SecurityWebFilterChain wedopsSecurity(ServerHttpSecurity http, SecurityProperties properties, ReactiveJwtDecoder jwtDecoder,
                                          ObjectProvider<IngestEndpoints> ingest) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RoleAuthoritiesConverter(properties.rolesClaim()));
        JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(jwtDecoder);
        jwt.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter));
        // the scrape token is looked at on the metrics path only; anywhere else it is a malformed JWT like any other string
        ReactiveAuthenticationManager metrics = ScrapeToken.of(properties).map(token -> token.orElse(jwt)).orElse(jwt);
        ServerWebExchangeMatcher metricsPath = ServerWebExchangeMatchers.pathMatchers(PROMETHEUS);
        String ingestAuthority = "SCOPE_" + properties.ingestScope();
        IngestEndpoints ingestEndpoints = ingest.getIfAvailable(IngestEndpoints::none);
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // Spring's defaults (nosniff, frame DENY, no-store, HSTS on https) plus no Referer leaking API paths
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .addFilterBefore(AuthenticatedPrincipal.recorder(), SecurityWebFiltersOrder.AUTHORIZATION)
                .authorizeExchange(exchanges -> {
                    // probes need no token; what health shows without one is the status alone (details need VIEWER:
                    // management.endpoint.health.show-details=when-authorized in the shared defaults)
                    exchanges.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**").permitAll();
                    exchanges.pathMatchers(PROMETHEUS).hasAnyAuthority(ScrapeToken.AUTHORITY, Role.ADMIN.authority());
                    ingestEndpoints.patterns().forEach(pattern -> exchanges.pathMatchers(HttpMethod.POST, pattern)
                            .hasAnyAuthority(ingestAuthority, Role.OPERATOR.authority(), Role.ADMIN.authority()));
                    exchanges.pathMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    exchanges.pathMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name());
                    exchanges.pathMatchers(HttpMethod.HEAD, "/**").hasRole(Role.VIEWER.name());
                    exchanges.anyExchange().hasRole(Role.OPERATOR.name());
                })
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationEntryPoint(unauthenticated)
                        .authenticationFailureHandler(new ProblemAuthenticationFailureHandler(unauthenticated))
                        .accessDeniedHandler(denied)
                        .authenticationManagerResolver(exchange -> metricsPath.matches(exchange)
                                .map(match -> match.isMatch() ? metrics : jwt)))
                .build();
    }
}
