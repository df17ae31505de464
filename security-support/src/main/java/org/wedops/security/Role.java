package org.wedops.security;

import java.util.Arrays;
import java.util.List;

/** Admin roles, each including the ones below it: VIEWER &lt; OPERATOR &lt; ADMIN. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** This role and every role below it. */
    public List<Role> includedRoles() {
        return Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal()).toList();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
