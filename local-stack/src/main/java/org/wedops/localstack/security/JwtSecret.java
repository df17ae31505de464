package org.wedops.localstack.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.wedops.localstack.StackException;

/**
 * The HS256 secret that the local stack's services validate tokens with, kept in one file so that tokens minted
 * yesterday still work after a restart. The services read the file's text, trimmed, as the key bytes.
 */
public final class JwtSecret {

    private JwtSecret() {
    }

    /** Reads the secret, writing 32 random bytes (base64url) first if the file does not exist yet. */
    public static String loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random), StandardCharsets.UTF_8);
                restrictToOwner(file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new StackException("cannot read or write the JWT secret " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system; the file is a local development secret anyway
        }
    }
}
