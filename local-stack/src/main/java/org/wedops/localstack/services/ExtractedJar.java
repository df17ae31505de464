package org.wedops.localstack.services;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.wedops.localstack.StackException;
import org.wedops.localstack.process.ChildProcess;
import org.wedops.localstack.process.JavaExecutable;

/**
 * A service's executable jar unpacked with Spring Boot's own {@code -Djarmode=tools extract}: the same application jar
 * and libraries, run from plain jars on disk instead of jars nested in the executable one. A JVM reading nested jars
 * started about twice as slowly on a busy two-core machine (alert-router: 70 s and 75 s nested, 37 s and 22 s
 * extracted), and the stack and its tests start a dozen of them. Unpacked once per jar, next to it, and again whenever
 * the jar changes.
 */
final class ExtractedJar {

    private static final String SOURCE_STAMP = ".extracted-from";

    private ExtractedJar() {
    }

    /** The extracted application jar for {@code jar} ({@code services/extracted/<name>/<name>.jar}), unpacked if needed. */
    static Path of(String name, Path jar) {
        Path directory = jar.toAbsolutePath().getParent().resolve("extracted").resolve(name);
        Path application = directory.resolve(jar.getFileName());
        String stamp = stampOf(jar);
        if (Files.isRegularFile(application) && stamp.equals(read(directory.resolve(SOURCE_STAMP)))) {
            return application;
        }
        // into a directory of its own first, then renamed: a half-finished extraction is never taken for a whole one
        Path unpacking = directory.resolveSibling(name + ".unpacking-" + UUID.randomUUID());
        try {
            extract(name, jar, unpacking);
            Files.writeString(unpacking.resolve(SOURCE_STAMP), stamp);
            deleteRecursively(directory);
            try {
                Files.move(unpacking, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
                deleteRecursively(unpacking); // another launcher unpacked the same jar at the same moment: theirs is as good
            }
        } catch (IOException e) {
            throw new StackException("cannot unpack " + jar + " into " + directory + ": " + e.getMessage(), e);
        }
        return application;
    }

    private static void extract(String name, Path jar, Path destination) throws IOException {
        Files.createDirectories(destination.getParent());
        Path log = destination.resolveSibling(destination.getFileName() + ".log");
        List<String> command = List.of(JavaExecutable.current().toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination", destination.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackException("unpacking the " + name + " jar did not finish in 180 s; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StackException("interrupted while unpacking the " + name + " jar");
        }
        if (process.exitValue() != 0) {
            throw new StackException("unpacking the " + name + " jar failed (exit " + process.exitValue() + "):\n"
                    + String.join("\n", ChildProcess.lastLines(log, 20)));
        }
        Files.delete(log);
    }

    private static String stampOf(Path jar) {
        try {
            return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            throw new StackException("cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
