package org.wedops.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A migration, once some database has applied it, is history: Flyway refuses to start a service on a database whose
 * history differs from the build's (checksum or description mismatch, a version gone), and that database may be a
 * customer's or the local stack's in {@code .wedops}. Restructuring once moved tables between migrations by editing
 * applied ones, and every stack started before that stopped starting. So every migration's bytes are recorded in
 * {@code migrations.sha256} ({@code sha256sum} format): a new migration adds its line, a recorded one never changes.
 */
class AppliedMigrationsTest {

    private static final Path RECORD = Path.of("src", "test", "resources", "migrations.sha256");
    private static final Set<String> NOT_SOURCES = Set.of("target", "node_modules", ".git", ".wedops");
    private static final Pattern MIGRATION = Pattern.compile(".*/src/main/resources/.*/V\\d+__[^/]+\\.sql");

    @Test
    void noRecordedMigrationChangedOrWentAndEveryMigrationIsRecorded() throws IOException {
        Map<String, String> recorded = recorded();
        Map<String, String> now = migrationsNow();

        assertThat(recorded.keySet()).as("recorded migrations that are gone: a database that applied one no longer starts "
                + "(Flyway: applied migration not resolved); bring it back").allMatch(now::containsKey);
        List<String> changed = recorded.entrySet().stream()
                .filter(entry -> now.containsKey(entry.getKey()) && !now.get(entry.getKey()).equals(entry.getValue()))
                .map(Map.Entry::getKey).toList();
        assertThat(changed).as("applied migrations changed: a database that applied them no longer starts (Flyway: "
                + "checksum mismatch); put the change in a new migration and restore these (git checkout)").isEmpty();
        List<String> unrecorded = now.keySet().stream().filter(path -> !recorded.containsKey(path)).toList();
        assertThat(unrecorded).as("new migrations to record, once they are final: sha256sum <path> >> deploy-checks/" + RECORD)
                .isEmpty();
    }

    @Test
    void theRecordHoldsOnlyMigrationsWithTheirDigests() throws IOException {
        assertThat(recorded()).isNotEmpty().allSatisfy((path, digest) -> {
            assertThat(path).matches(MIGRATION);
            assertThat(digest).matches("[0-9a-f]{64}");
        });
    }

    private static Map<String, String> recorded() throws IOException {
        Map<String, String> recorded = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RECORD)) {
            if (!line.isBlank()) {
                String[] digestAndPath = line.split(" {2}", 2);
                assertThat(recorded.put(digestAndPath[1], digestAndPath[0])).as("recorded twice: " + digestAndPath[1]).isNull();
            }
        }
        return recorded;
    }

    private static Map<String, String> migrationsNow() throws IOException {
        Map<String, String> migrations = new TreeMap<>();
        Files.walkFileTree(Rendered.ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                // build output, installed packages and the local stack's data are not sources
                return NOT_SOURCES.contains(directory.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String path = Rendered.ROOT.relativize(file).toString().replace('\\', '/');
                if (MIGRATION.matcher("/" + path).matches()) {
                    migrations.put(path, sha256(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return migrations;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
