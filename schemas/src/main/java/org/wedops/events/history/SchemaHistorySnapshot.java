package org.wedops.events.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.avro.Schema;
import org.wedops.events.serde.SchemaCatalog;

/**
 * Records a release: for every current schema that differs from its newest released version, writes the next
 * {@code v<N>.avsc} (self-contained, named types inlined) into the history folder. Run from {@code schemas/}:
 * {@code ../mvnw -q compile exec:java -Dexec.mainClass=org.wedops.events.history.SchemaHistorySnapshot
 * -Dexec.args=src/main/resources/schema-history}.
 */
public final class SchemaHistorySnapshot {

    private SchemaHistorySnapshot() {
    }

    public static void main(String[] args) throws IOException {
        Path historyDir = Path.of(args[0]);
        for (Schema current : SchemaCatalog.get().currentSchemas()) {
            List<Path> released = SchemaHistory.versions(historyDir, current.getFullName());
            if (!released.isEmpty()) {
                Schema newest = new Schema.Parser().parse(released.get(released.size() - 1).toFile());
                if (SchemaCatalog.fingerprint(newest) == SchemaCatalog.fingerprint(current)) {
                    continue;
                }
            }
            int next = released.isEmpty() ? 1 : SchemaHistory.versionNumber(released.get(released.size() - 1)) + 1;
            Path file = historyDir.resolve(current.getFullName()).resolve("v" + next + ".avsc");
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + System.lineSeparator());
            System.out.println("released " + historyDir.relativize(file));
        }
    }
}
