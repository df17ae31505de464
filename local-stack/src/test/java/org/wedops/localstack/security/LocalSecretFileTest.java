package org.wedops.localstack.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wedops.localstack.StackException;

/**
 * The local stack's secrets as another user on the same machine would find them: unreadable. The file is 0600 and
 * its folder 0700 whatever the umask, no temporary file is left beside it, and a secret file that others could read
 * is refused rather than used.
 */
class LocalSecretFileTest {

    @TempDir
    Path directory;

    @Test
    void aNewSecretIsOwnerOnlyInAnOwnerOnlyFolderWithNothingLeftBeside() throws Exception {
        Path folder = directory.resolve(".wedops");
        Path file = folder.resolve("jwt-secret");

        String secret = LocalSecretFile.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(secret).hasSize(43);
        try (var entries = Files.list(folder)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void aFolderAnOlderRunMadeWithTheUmasksRightsIsTightened() throws Exception {
        Path folder = Files.createDirectory(directory.resolve(".wedops"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));

        LocalSecretFile.loadOrCreate(folder.resolve("scrape-token"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void aSecretFileOthersCanReadIsRefusedAndLeftAsItWas() throws Exception {
        Path file = Files.writeString(directory.resolve("jwt-secret"), "a-secret-that-others-may-have-read-already!!");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> LocalSecretFile.loadOrCreate(file))
                .isInstanceOf(StackException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("rw-r--r--")
                .hasMessageContaining("Delete it");
        assertThat(Files.readString(file)).isEqualTo("a-secret-that-others-may-have-read-already!!");
    }

    @Test
    void aSecretFileOthersCanWriteIsRefusedToo() throws Exception {
        Path file = Files.writeString(directory.resolve("jwt-secret"), "a-secret-someone-else-could-have-replaced!!");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw--w----"));

        assertThatThrownBy(() -> LocalSecretFile.loadOrCreate(file)).isInstanceOf(StackException.class);
    }

    @Test
    void anOwnerOnlySecretWrittenByHandIsUsedAsItIs() throws Exception {
        Path file = Files.writeString(directory.resolve("jwt-secret"), "  my-own-secret-of-at-least-32-characters!!\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(LocalSecretFile.loadOrCreate(file)).isEqualTo("my-own-secret-of-at-least-32-characters!!");
    }
}
