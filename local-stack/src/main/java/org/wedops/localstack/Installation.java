package org.wedops.localstack;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the launcher was unpacked by the build: {@code target/local-stack.jar} next to {@code lib/} (its own class
 * path, which also runs the broker) and {@code services/} (each service's executable jar).
 */
public record Installation(Path home, String classPath) {

    public static Installation locate() {
        Path location;
        try {
            location = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            throw new StackException("cannot tell where local-stack.jar is: " + e.getMessage(), e);
        }
        if (Files.isRegularFile(location)) {
            // java -jar lists only the jar in java.class.path, not its manifest's lib/ entries; the broker needs only lib/
            Path home = location.getParent();
            return new Installation(home, home.resolve("lib") + File.separator + "*");
        }
        // run from target/classes in an IDE: the class path is already complete
        return new Installation(location.getParent(), System.getProperty("java.class.path"));
    }

    /** For child JVMs that run a main class of the launcher's dependencies (the broker, Kafka's storage tool). */
    public String classPath() {
        return classPath;
    }

    public Path services() {
        return home.resolve("services");
    }

    public Path serviceJar(String artifactId) {
        return services().resolve(artifactId + ".jar");
    }
}
