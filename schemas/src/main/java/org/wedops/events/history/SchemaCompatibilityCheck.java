package org.wedops.events.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.wedops.events.serde.SchemaCatalog;

/**
 * Build-time gate: every current schema must be fully compatible (new readers read old data, old readers read
 * new data) with every released version kept in the history folder. Also writes the class-path index of the
 * history that {@link SchemaCatalog} reads at run time.
 *
 * <p>History layout: {@code schema-history/<FullName>/v<N>.avsc}, each a self-contained schema. To release a
 * changed schema, run {@link SchemaHistorySnapshot} and commit the new file.
 */
public final class SchemaCompatibilityCheck {

    private SchemaCompatibilityCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path historyDir = Path.of(args[0]);
        Path indexFile = Path.of(args[1]);
        List<String> problems = new ArrayList<>();
        List<String> indexLines = new ArrayList<>();
        for (Schema current : SchemaCatalog.get().currentSchemas()) {
            List<Path> released = SchemaHistory.versions(historyDir, current.getFullName());
            if (released.isEmpty()) {
                problems.add(current.getFullName() + " has no released version under " + historyDir
                        + "; run SchemaHistorySnapshot to record it");
            }
            for (Path file : released) {
                indexLines.add(historyDir.relativize(file).toString().replace('\\', '/'));
                Schema old = new Schema.Parser().parse(file.toFile());
                problems.addAll(incompatibilities(current, old, file.getFileName().toString()));
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("[schema-compatibility] " + p));
            throw new IllegalStateException(problems.size() + " schema compatibility problem(s); see above");
        }
        Files.createDirectories(indexFile.getParent());
        Files.write(indexFile, indexLines);
        System.out.println("[schema-compatibility] " + indexLines.size() + " released schema version(s) checked");
    }

    /** What makes {@code current} unable to stand in for {@code released}, in both directions; empty when none. */
    public static List<String> incompatibilities(Schema current, Schema released, String releasedName) {
        List<String> problems = new ArrayList<>();
        check(current, released, "new readers cannot read data written with " + releasedName, problems);
        check(released, current, "readers on " + releasedName + " cannot read new data", problems);
        return problems;
    }

    private static void check(Schema reader, Schema writer, String what, List<String> problems) {
        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
            result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(
                    reader.getFullName() + ": " + what + ": " + incompatibility.getType() + " at "
                            + incompatibility.getLocation() + " (" + incompatibility.getMessage() + ")"));
        }
    }
}
