package org.wedops.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real OIDC issuer on a local port, as far as a public client with PKCE and a resource server see one: the discovery
 * document, the JWKS, {@code /authorize} (which signs one test user in at once and sends the browser back with a
 * code) and {@code /token} (which trades a code, once, for an RS256 access token, only when the code_verifier hashes
 * to the code_challenge it was issued for, RFC 7636 S256). It answers cross-origin reads only to the registered
 * client's origin, as an identity provider configured for the console would. Every token request is kept, so a test
 * can tell what the browser sent and what was refused.
 */
final class ConsoleIssuer implements AutoCloseable {

    static final String AUDIENCE = "wedops-api";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token request as the issuer received it, and its answer. */
    record TokenRequest(Map<String, String> form, int status, String error) {
    }

    private record Client(String redirectUri, String origin) {
    }

    private record PendingCode(String clientId, String redirectUri, String challenge, Instant expiresAt) {
    }

    private final HttpServer server;
    private final String issuer;
    private final RSAKey signingKey;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<String> issuedTokens = new CopyOnWriteArrayList<>();
    private final String subject;
    private final List<String> roles;

    private ConsoleIssuer(String subject, List<String> roles) {
        this.subject = subject;
        this.roles = List.copyOf(roles);
        try {
            signingKey = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/wedops";
        server.createContext("/realms/wedops/.well-known/openid-configuration", exchange -> json(exchange, 200, discovery()));
        server.createContext("/realms/wedops/protocol/openid-connect/certs",
                exchange -> send(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString()));
        server.createContext("/realms/wedops/protocol/openid-connect/auth", this::authorize);
        server.createContext("/realms/wedops/protocol/openid-connect/token", this::token);
        server.start();
    }

    /** An issuer that signs in {@code subject} with {@code roles} whenever a browser comes to its authorization endpoint. */
    static ConsoleIssuer start(String subject, String... roles) {
        return new ConsoleIssuer(subject, List.of(roles));
    }

    /** Registers a public client: the one redirect URI it may use, whose origin may read the issuer's answers. */
    void register(String clientId, String redirectUri) {
        URI uri = URI.create(redirectUri);
        clients.put(clientId, new Client(redirectUri, uri.getScheme() + "://" + uri.getRawAuthority()));
    }

    String issuer() {
        return issuer;
    }

    List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    List<String> issuedTokens() {
        return List.copyOf(issuedTokens);
    }

    private Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", issuer + "/protocol/openid-connect/auth");
        document.put("token_endpoint", issuer + "/protocol/openid-connect/token");
        document.put("jwks_uri", issuer + "/protocol/openid-connect/certs");
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("token_endpoint_auth_methods_supported", List.of("none"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("subject_types_supported", List.of("public"));
        return document;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        Client client = clients.get(query.getOrDefault("client_id", ""));
        // a wrong client or redirect URI is answered here, never by sending the browser to the URI it named
        if (client == null || !client.redirectUri().equals(query.get("redirect_uri"))) {
            send(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"unknown client or redirect_uri\"}");
            return;
        }
        String error = !"code".equals(query.get("response_type")) ? "response_type must be code"
                : !"S256".equals(query.get("code_challenge_method")) ? "code_challenge_method must be S256"
                : !query.getOrDefault("code_challenge", "").matches("[A-Za-z0-9_-]{43}") ? "code_challenge must be a base64url SHA-256"
                : !query.containsKey("state") ? "state is required" : null;
        String back = client.redirectUri() + "?";
        if (error != null) {
            redirect(exchange, back + "error=invalid_request&error_description=" + encode(error) + stateOf(query));
            return;
        }
        String code = randomToken();
        codes.put(code, new PendingCode(query.get("client_id"), client.redirectUri(), query.get("code_challenge"),
                Instant.now().plus(CODE_LIFETIME)));
        redirect(exchange, back + "code=" + encode(code) + stateOf(query));
    }

    private void token(HttpExchange exchange) throws IOException {
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            allowOrigin(exchange);
            exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
        }
        Map<String, String> form = form(body);
        // a code is good for one try, right or wrong: a guessed verifier cannot be retried against it
        PendingCode pending = form.get("code") == null ? null : codes.remove(form.get("code"));
        String error = !"POST".equals(exchange.getRequestMethod()) ? "POST only"
                : !"authorization_code".equals(form.get("grant_type")) ? "grant_type must be authorization_code"
                : pending == null ? "unknown or used code"
                : pending.expiresAt().isBefore(Instant.now()) ? "the code expired"
                : !pending.clientId().equals(form.get("client_id")) ? "the code was issued to another client"
                : !pending.redirectUri().equals(form.get("redirect_uri")) ? "redirect_uri differs from the authorization request"
                : !verifies(form.get("code_verifier"), pending.challenge()) ? "code_verifier does not match the code_challenge" : null;
        if (error != null) {
            tokenRequests.add(new TokenRequest(form, 400, error));
            allowOrigin(exchange);
            json(exchange, 400, Map.of("error", "invalid_grant", "error_description", error));
            return;
        }
        String accessToken = sign(pending.clientId());
        issuedTokens.add(accessToken);
        tokenRequests.add(new TokenRequest(form, 200, null));
        allowOrigin(exchange);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        json(exchange, 200, Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 3600, "scope", "openid"));
    }

    /** RFC 7636 4.6: BASE64URL(SHA256(ASCII(code_verifier))) == code_challenge, for a verifier of 43-128 unreserved characters. */
    static boolean verifies(String verifier, String challenge) {
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(Base64.getUrlEncoder().withoutPadding().encodeToString(digest).getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String clientId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject(subject)
                .claim("azp", clientId).claim("scope", "openid").claim("roles", roles)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Cross-origin answers only for a registered client's origin: the browser refuses them to any other page. */
    private void allowOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && clients.values().stream().anyMatch(client -> client.origin().equals(origin))) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().set("Vary", "Origin");
        }
    }

    private static String stateOf(Map<String, String> query) {
        return query.containsKey("state") ? "&state=" + encode(query.get("state")) : "";
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void json(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("openid-configuration")) {
            allowOrigin(exchange);
        }
        send(exchange, status, JsonMapper.shared().writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
