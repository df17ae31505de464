package org.wedops.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretTest {

    @TempDir
    Path directory;

    @Test
    void firstRunWrites32RandomBytesAsBase64UrlAndLaterRunsReuseThem() throws Exception {
        Path file = directory.resolve(".wedops/jwt-secret");

        String first = JwtSecret.loadOrCreate(file);
        String second = JwtSecret.loadOrCreate(file);

        assertThat(first).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(first)).hasSize(32);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(file)).isEqualTo(first);
    }

    @Test
    void aSecretWrittenByHandIsTrimmed() throws Exception {
        Path file = directory.resolve("jwt-secret");
        Files.writeString(file, "  my-own-secret-of-at-least-32-characters!!\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        assertThat(JwtSecret.loadOrCreate(file)).isEqualTo("my-own-secret-of-at-least-32-characters!!");
    }
}
