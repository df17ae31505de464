package org.wedops.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wedops.localstack.StackException;

import com.nimbusds.jwt.SignedJWT;

class LocalTokensTest {

    private static final String SECRET = "0pe1lpO_8M69XhqyU_7vjM-_trqqB-Oqr_RLP2wi3Vc";

    @Test
    void ingestIsAScopeNotARole() throws Exception {
        var claims = SignedJWT.parse(LocalTokens.forRoles(SECRET, List.of("INGEST"), Instant.now())).getJWTClaimsSet();

        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(claims.getStringClaim("scope")).isEqualTo("ingest");
    }

    @Test
    void rolesAreCarriedAsGiven() throws Exception {
        var claims = SignedJWT.parse(LocalTokens.forRoles(SECRET, List.of("OPERATOR"), Instant.now())).getJWTClaimsSet();

        assertThat(claims.getStringListClaim("roles")).containsExactly("OPERATOR");
        assertThat(claims.getClaim("scope")).isNull();
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now().plus(LocalTokens.LIFETIME).minusSeconds(60));
    }

    @Test
    void simulatorIsAnAdminThatMayAlsoIngest() throws Exception {
        var claims = SignedJWT.parse(LocalTokens.simulator(SECRET, Instant.now())).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo("local-simulator");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN");
        assertThat(claims.getStringClaim("scope")).isEqualTo("ingest");
    }

    @Test
    void anUnknownRoleIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> LocalTokens.forRoles(SECRET, List.of("ROOT"), Instant.now()))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("ROOT").hasMessageContaining("VIEWER, OPERATOR, ADMIN or INGEST");
    }
}
