package org.wedops.localstack.security;

import java.nio.file.Path;

/**
 * The HS256 secret that the local stack's services validate tokens with, kept in one file so that tokens minted
 * yesterday still work after a restart. The services read the file's text, trimmed, as the key bytes.
 */
public final class JwtSecret {

    private JwtSecret() {
    }

    /**
     * Reads the secret, writing 32 random bytes (base64url) first if the file does not exist yet: owner-only from the
     * start, in an owner-only directory ({@link LocalSecretFile}).
     */
    public static String loadOrCreate(Path file) {
        return LocalSecretFile.loadOrCreate(file);
    }
}
