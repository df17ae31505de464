package org.wedops.localstack.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.wedops.localstack.StackException;

/**
 * A secret the local stack keeps between runs (the JWT signing secret, the metrics scrape token): 32 random bytes,
 * base64url, in a file only its owner can read, in a directory only its owner can enter. The file is never visible
 * with wider rights, not even for an instant: it is written as a temporary file created 0600 in the same directory and
 * then renamed into place atomically, so a reader sees either no file or the whole secret. An existing file that
 * others can read is refused rather than quietly tightened: whoever could read it may hold the secret already.
 */
public final class LocalSecretFile {

    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private LocalSecretFile() {
    }

    /** Reads the secret, creating it first if the file does not exist yet. */
    public static String loadOrCreate(Path file) {
        Path target = file.toAbsolutePath();
        try {
            boolean posix = Files.getFileAttributeView(target.getRoot(), PosixFileAttributeView.class) != null;
            ownerOnlyDirectory(target.getParent(), posix);
            if (!Files.exists(target)) {
                create(target, posix);
            } else if (posix) {
                refuseIfOthersCanReach(target);
            }
            return Files.readString(target, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new StackException("cannot read or write the secret " + target + ": " + e.getMessage(), e);
        }
    }

    /** The stack's own folder: created 0700, or tightened to 0700 when an older run made it with the umask's rights. */
    private static void ownerOnlyDirectory(Path directory, boolean posix) throws IOException {
        if (!posix) {
            Files.createDirectories(directory);
            return;
        }
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // another launcher made it a moment ago: tightened below like any existing one
            }
        }
        // the umask may have taken bits from the creation mode; an existing folder may be wider
        Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
    }

    private static void create(Path target, boolean posix) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        byte[] secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.UTF_8);
        Path temporary = posix
                ? Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, secret);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void refuseIfOthersCanReach(Path target) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new StackException(target + " can be read or changed by other users (" + PosixFilePermissions.toString(permissions)
                    + "), so its secret may no longer be secret. Delete it to have a new one made on the next start (tokens made "
                    + "with the old one stop working), or, if you are sure nobody read it, chmod 600 it.");
        }
    }
}
