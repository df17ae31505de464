package org.wedops.events.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The released versions of each schema, as files {@code <FullName>/v<N>.avsc} in the history folder. */
final class SchemaHistory {

    private SchemaHistory() {
    }

    static List<Path> versions(Path historyDir, String fullName) throws IOException {
        Path dir = historyDir.resolve(fullName);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(SchemaHistory::versionNumber))
                    .toList();
        }
    }

    static int versionNumber(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
    }
}
