package org.wedops.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * The token decoder of each mode. Issuer mode: signature against the issuer's JWKS with asymmetric algorithms only,
 * then issuer, audience, type and time; keys are fetched with the first token and refetched when a token names a key
 * id the cached set lacks (the issuer rotated its keys) but not more often than {@link KeyFetchLimit} allows, each call bounded by {@link #ISSUER_TIMEOUT}. Local mode: HS256 against the shared secret. In both a token
 * must carry an expiry: one without would be valid forever.
 */
final class TokenDecoders {

    static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);

    private TokenDecoders() {
    }

    static ReactiveJwtDecoder of(SecurityProperties properties) {
        return of(properties, Clock.systemUTC());
    }

    static ReactiveJwtDecoder of(SecurityProperties properties, Clock clock) {
        return properties.mode() == SecurityProperties.Mode.LOCAL ? local(properties) : issuer(properties, clock);
    }

    private static ReactiveJwtDecoder issuer(SecurityProperties properties, Clock clock) {
        NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder = properties.jwkSetUri() != null
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
                : NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri());
        NimbusReactiveJwtDecoder decoder = builder
                .webClient(boundedWebClient(new KeyFetchLimit(properties.keyRefetchInterval(), clock)))
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.addAll(properties.algorithms());
                })
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = common();
        validators.add(new JwtIssuerValidator(properties.issuerUri()));
        validators.add(new JwtAudienceValidator(properties.audience()));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return token -> decoder.decode(token).onErrorMap(failure -> !(failure instanceof JwtException),
                // discovery or key fetch failed (the issuer is down): Nimbus says so with a plain IllegalStateException,
                // which the resource server would pass on as a 500; as a JwtException it becomes a service failure
                failure -> new JwtException("The identity provider could not be reached: " + failure.getMessage(), failure));
    }

    /** An issuer that does not answer fails the token within seconds instead of holding the request. */
    private static WebClient boundedWebClient(KeyFetchLimit limit) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) ISSUER_TIMEOUT.toMillis())
                .responseTimeout(ISSUER_TIMEOUT);
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).filter(limit).build();
    }

    private static ReactiveJwtDecoder local(SecurityProperties properties) {
        String secret = properties.jwtSecret() != null ? properties.jwtSecret() : readSecretFile(properties.jwtSecretFile());
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = common();
        if (properties.issuerUri() != null) {
            validators.add(new JwtIssuerValidator(properties.issuerUri()));
        }
        if (properties.audience() != null) {
            validators.add(new JwtAudienceValidator(properties.audience()));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static List<OAuth2TokenValidator<Jwt>> common() {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        // RFC 9068 access tokens say at+jwt; most issuers say JWT or nothing
        JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
        type.setAllowEmpty(true);
        validators.add(type);
        validators.add(new JwtTimestampValidator());
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        return validators;
    }

    static String readSecretFile(Path file) {
        String secret;
        try {
            secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wedops.security.jwt-secret-file " + file + ": " + e.getMessage(), e);
        }
        SecurityProperties.requireSecretLength(secret, "wedops.security.jwt-secret-file (" + file + ")");
        return secret;
    }
}
