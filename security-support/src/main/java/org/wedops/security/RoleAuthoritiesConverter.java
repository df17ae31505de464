package org.wedops.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;


import lombok.RequiredArgsConstructor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Turns the roles claim into ROLE_* authorities (a role brings the ones below it) and the space-separated scope claim into SCOPE_* authorities. */
@RequiredArgsConstructor
final class RoleAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final String rolesClaim;

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = jwt.getClaimAsStringList(rolesClaim);
        if (roles != null) {
            for (String role : roles) {
                for (Role known : Role.values()) {
                    if (known.name().equalsIgnoreCase(role)) {
                        known.includedRoles().forEach(included -> authorities.add(new SimpleGrantedAuthority(included.authority())));
                    }
                }
            }
        }
        String scope = jwt.getClaimAsString("scope");
        if (scope != null) {
            for (String each : scope.trim().split("\\s+")) {
                if (!each.isEmpty()) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + each));
                }
            }
        }
        return authorities;
    }
}
