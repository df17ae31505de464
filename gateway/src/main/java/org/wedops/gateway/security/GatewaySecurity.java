package org.wedops.gateway.security;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.wedops.gateway.routing.RouteTable;
import org.wedops.security.IngestEndpoints;
import org.wedops.security.SecurityProperties;

/**
 * The gateway validates tokens with the very rules every service applies (security-support's
 * {@code WedopsSecurityConfiguration}: reads need VIEWER, changes OPERATOR), so a request is refused at the door
 * rather than at the service. The ingest endpoints come from the route table: the gateway accepts ingest tokens
 * exactly where the route table says a service does.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    /** The console's static files and its sign-in settings: the only things served without a token. */
    static final String[] CONSOLE_FILES = {"/", "/index.html", "/console/**"};

    @Bean
    IngestEndpoints ingestEndpoints() {
        return new IngestEndpoints(RouteTable.ingestPaths());
    }

    /**
     * Before the token chain: GET and HEAD of the console's files need no token (the page must load to ask for one);
     * everything the console shows comes from {@code /api}, which stays behind the token chain. The files may load
     * nothing from elsewhere (CSP), and only talk to this origin and, for single sign-on, the issuer.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain consoleFiles(ServerHttpSecurity http, SecurityProperties security) {
        String issuer = security.issuerUri() == null ? "" : " " + origin(security.issuerUri());
        return http
                .securityMatcher(ServerWebExchangeMatchers.matchers(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, CONSOLE_FILES),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, CONSOLE_FILES)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; "
                                + "img-src 'self' data:; connect-src 'self'" + issuer + "; frame-ancestors 'none'; base-uri 'none'; "
                                + "form-action 'self'" + issuer + "; object-src 'none'")))
                .build();
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
