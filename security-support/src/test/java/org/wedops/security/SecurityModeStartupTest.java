package org.wedops.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.wedops.testsupport.TestTokens;

/**
 * A service whose token settings are unsafe or incomplete does not start, and says which property is at fault: a
 * shared secret beside an issuer (the secret used to win silently), a secret without local mode, an issuer without
 * audience, a short HS256 key.
 */
class SecurityModeStartupTest {

    private static final String ISSUER = "http://127.0.0.1:1/realms/wedops";

    private final ReactiveWebApplicationContextRunner service = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WedopsSecurityConfiguration.class));

    @TempDir
    Path directory;

    @Test
    void aSharedSecretBesideAnIssuerIsRefusedOutsideLocalMode() {
        refused("wedops.security.jwt-secret", "wedops.security.issuer-uri=" + ISSUER, "wedops.security.audience=wedops-api",
                "wedops.security.jwt-secret=" + TestTokens.SECRET);
        refused("wedops.security.jwt-secret", "wedops.security.mode=issuer", "wedops.security.issuer-uri=" + ISSUER,
                "wedops.security.audience=wedops-api", "wedops.security.jwt-secret=" + TestTokens.SECRET);
    }

    @Test
    void aSharedSecretAloneNeedsLocalModeSaidOutLoud() {
        refused("wedops.security.mode=local", "wedops.security.jwt-secret=" + TestTokens.SECRET);
        refused("wedops.security.jwt-secret-file", "wedops.security.jwt-secret-file=" + directory.resolve("secret"));
    }

    @Test
    void issuerModeNeedsAnIssuerAndAnAudience() {
        refused("wedops.security.issuer-uri");
        refused("wedops.security.audience", "wedops.security.issuer-uri=" + ISSUER);
    }

    @Test
    void anHs256SecretShorterThan256BitsIsRefused() throws Exception {
        refused("wedops.security.jwt-secret is 12 bytes long", "wedops.security.mode=local", "wedops.security.jwt-secret=short-secret");
        Path file = Files.writeString(directory.resolve("jwt-secret"), "short-secret\n");
        refused("wedops.security.jwt-secret-file", "wedops.security.mode=local", "wedops.security.jwt-secret-file=" + file);
    }

    @Test
    void localModeNeedsASecret() {
        refused("wedops.security.jwt-secret", "wedops.security.mode=local");
    }

    @Test
    void aShortScrapeTokenIsRefused() {
        refused("wedops.security.scrape-token", "wedops.security.mode=local", "wedops.security.jwt-secret=" + TestTokens.SECRET,
                "wedops.security.scrape-token=prometheus");
    }

    @Test
    void issuerModeStartsWithoutCallingTheIssuer() {
        // the issuer at port 1 answers nothing: keys are fetched with the first token, so an identity provider that is
        // down does not stop a service from starting (its tokens are refused meanwhile)
        service.withPropertyValues("wedops.security.issuer-uri=" + ISSUER, "wedops.security.audience=wedops-api")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ReactiveJwtDecoder.class));
    }

    @Test
    void localModeReadsTheSecretFromItsFileAndChecksTokensWithIt() throws Exception {
        Path file = Files.writeString(directory.resolve("jwt-secret"), TestTokens.SECRET + "\n");
        service.withPropertyValues("wedops.security.mode=local", "wedops.security.jwt-secret-file=" + file).run(context -> {
            ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
            assertThat(decoder.decode(TestTokens.withRoles("VIEWER")).block().getSubject()).isEqualTo("test-user");
            assertThatThrownBy(() -> decoder.decode(TestTokens.signedWith("another-secret-of-at-least-32-bytes!!", "ADMIN")).block())
                    .isInstanceOf(JwtException.class);
        });
    }

    @Test
    void localModeMayNameAnIssuerWhenSaidExplicitly() {
        service.withPropertyValues("wedops.security.mode=local", "wedops.security.jwt-secret=" + TestTokens.SECRET,
                        "wedops.security.issuer-uri=" + ISSUER)
                .run(context -> assertThat(context).hasNotFailed());
    }

    private void refused(String messageMentions, String... properties) {
        service.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            Throwable root = context.getStartupFailure();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).hasMessageContaining(messageMentions);
        });
    }
}
