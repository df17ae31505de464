package org.wedops.security;

/** Admin roles, each including the ones below it: VIEWER &lt; OPERATOR &lt; ADMIN. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** This role and every role below it. */
    public java.util.List<Role> includedRoles() {
        return java.util.Arrays.stream(values()).filter(role -> role.ordinal() <= ordinal()).toList();
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
