package org.wedops.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every WedOps service validates bearer tokens; the gateway and each service use the same rules so a request
 * that bypasses the gateway gets nothing.
 *
 * @param jwtSecret     HS256 secret (local stack and tests); takes precedence over {@code jwtSecretFile}
 * @param jwtSecretFile file holding the HS256 secret as raw text (the local stack writes {@code .wedops/jwt-secret})
 * @param issuerUri     OIDC issuer for production; used when no secret is configured
 * @param rolesClaim    claim carrying the roles array (VIEWER, OPERATOR, ADMIN)
 * @param ingestScope   scope that emitters' tokens carry; accepted on ingest endpoints only
 */
@ConfigurationProperties("wedops.security")
public record SecurityProperties(
        String jwtSecret,
        Path jwtSecretFile,
        String issuerUri,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("ingest") String ingestScope) {
}
