package org.wedops.gateway.console;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.util.ContentCachingResponseWrapper;

import tools.jackson.databind.json.JsonMapper;

/**
 * The console's OIDC issuer in tests: Spring Authorization Server, a real OAuth 2.1 and OpenID Connect implementation,
 * as a servlet application of its own on a random port of 127.0.0.1 in the test JVM. The console's sign-in then meets
 * the discovery, login, redirect-URI, PKCE and token rules of a kept implementation instead of a stand-in written
 * for the test. One user signs in through Spring Security's login form; access tokens are RS256 JWTs, signed with a
 * key made at start, for the gateway's audience and with the user's roles. The discovery document and the token
 * endpoint answer cross-origin reads to the registered clients' origins only, as an identity provider configured for
 * the console would. Every token request is kept with its answer, so a test can tell what the browser sent.
 */
final class OidcIssuer implements AutoCloseable {

    static final String AUDIENCE = "wedops-api";
    static final String USERNAME = "sso-operator";
    static final String PASSWORD = "wedding-season";
    private static final String ROLE = "OPERATOR";

    /** A token request as the issuer received it, and its answer: the status and, when refused, the OAuth error. */
    record TokenRequest(Map<String, String> form, int status, String error) {
    }

    // Spring's InMemoryRegisteredClientRepository wants its clients at start; the console's redirect URI is known only
    // once the gateway has its port
    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final CorsConfiguration clientOrigins = new CorsConfiguration();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final ConfigurableApplicationContext context;

    private OidcIssuer() {
        clientOrigins.setAllowedMethods(List.of("GET", "POST"));
        clientOrigins.addAllowedHeader("Content-Type");
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setBannerMode(Banner.Mode.OFF);
        application.addInitializers(parts());
        // its own configuration name: the gateway's application.yml on the class path is not the issuer's
        context = application.run("--spring.config.name=oidc-issuer", "--server.address=127.0.0.1", "--server.port=0",
                "--server.servlet.session.cookie.name=ISSUER_SESSION");
    }

    static OidcIssuer start() {
        return new OidcIssuer();
    }

    /** Registers a public client that must prove PKCE, its one redirect URI, and its origin for cross-origin reads. */
    void register(String clientId, String redirectUri) {
        clients.put(clientId, RegisteredClient.withId(clientId).clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build());
        URI uri = URI.create(redirectUri);
        clientOrigins.addAllowedOrigin(uri.getScheme() + "://" + uri.getRawAuthority());
    }

    String issuer() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    @Override
    public void close() {
        context.close();
    }

    /** The beans that share this object's state: the clients, their origins and the token requests' record. */
    private ApplicationContextInitializer<GenericApplicationContext> parts() {
        return context -> {
            context.registerBean(RegisteredClientRepository.class, () -> new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient client) {
                    clients.put(client.getClientId(), client);
                }

                @Override
                public RegisteredClient findById(String id) {
                    return clients.values().stream().filter(client -> client.getId().equals(id)).findFirst().orElse(null);
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return clients.get(clientId);
                }
            });
            // by this name and type, Spring Security applies it to the authorization server's filter chains
            context.registerBean("corsConfigurationSource", UrlBasedCorsConfigurationSource.class, () -> {
                UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
                source.registerCorsConfiguration("/.well-known/openid-configuration", clientOrigins);
                source.registerCorsConfiguration("/oauth2/token", clientOrigins);
                return source;
            });
            context.registerBean("tokenRequests", FilterRegistrationBean.class, () -> {
                FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(this::record);
                registration.addUrlPatterns("/oauth2/token");
                registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
                return registration;
            });
        };
    }

    /** Ahead of the security filters: the form as sent, then the status and the token or error of the answer. */
    private void record(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!"POST".equals(((HttpServletRequest) request).getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values[0]));
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper((HttpServletResponse) response);
        chain.doFilter(request, answer);
        byte[] content = answer.getContentAsByteArray();
        Map<?, ?> body = content.length == 0 ? Map.of() : JsonMapper.shared().readValue(content, Map.class);
        if (answer.getStatus() == 200) {
            issuedTokens.add((String) body.get("access_token"));
        }
        tokenRequests.add(new TokenRequest(form, answer.getStatus(), (String) body.get("error")));
        answer.copyBodyToResponse();
    }

    /**
     * Only what an authorization server needs: no component scan, none of the gateway's auto-configurations. A test
     * configuration, so that the gateway's own scan of this package leaves it out.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class})
    static class Application {

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername(USERNAME).password("{noop}" + PASSWORD).roles(ROLE).build());
        }

        /** Access tokens are for the gateway's API and carry the user's roles, as security-support reads them. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> audienceAndRoles() {
            return context -> {
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    Authentication user = context.getPrincipal();
                    context.getClaims().audience(List.of(AUDIENCE)).claim("roles", user.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .filter(authority -> authority.startsWith("ROLE_"))
                            .map(authority -> authority.substring("ROLE_".length()))
                            .toList());
                }
            };
        }
    }
}
