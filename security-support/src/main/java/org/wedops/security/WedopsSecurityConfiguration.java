package org.wedops.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * Bearer-token rules shared by every service: health and metrics are open (probes and Prometheus), reads need
 * VIEWER, changes need OPERATOR (ADMIN-only actions say so with {@code @PreAuthorize}), and ingest endpoints that
 * a service lists in {@link IngestEndpoints} also accept tokens with the ingest scope. CSRF is off: there are no
 * cookies, only bearer tokens. Refusals are problem+json (401 says why the token was refused, 403 what the request
 * needed), and the authenticated principal is left on the exchange for audit and rate limits
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

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
        String secret = secret(properties);
        if (secret != null) {
            SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        }
        if (properties.issuerUri() != null) {
            return ReactiveJwtDecoders.fromIssuerLocation(properties.issuerUri());
        }
        throw new IllegalStateException("Configure wedops.security.jwt-secret, jwt-secret-file or issuer-uri");
    }

    @Bean
    SecurityWebFilterChain wedopsSecurity(ServerHttpSecurity http, SecurityProperties properties,
                                          ObjectProvider<IngestEndpoints> ingest) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RoleAuthoritiesConverter(properties.rolesClaim()));
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
                    exchanges.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info",
                            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**").permitAll();
                    ingestEndpoints.patterns().forEach(pattern -> exchanges.pathMatchers(HttpMethod.POST, pattern)
                            .hasAnyAuthority(ingestAuthority, Role.OPERATOR.authority(), Role.ADMIN.authority()));
                    exchanges.pathMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    exchanges.pathMatchers(HttpMethod.GET, "/**").hasRole(Role.VIEWER.name());
                    exchanges.pathMatchers(HttpMethod.HEAD, "/**").hasRole(Role.VIEWER.name());
                    exchanges.anyExchange().hasRole(Role.OPERATOR.name());
                })
                .oauth2ResourceServer(oauth -> oauth
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter))))
                .build();
    }

    private static String secret(SecurityProperties properties) {
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            return properties.jwtSecret().trim();
        }
        if (properties.jwtSecretFile() != null) {
            try {
                return Files.readString(properties.jwtSecretFile()).trim();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read wedops.security.jwt-secret-file " + properties.jwtSecretFile(), e);
            }
        }
        return null;
    }
}
