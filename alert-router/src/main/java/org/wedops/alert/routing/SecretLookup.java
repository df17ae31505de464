package org.wedops.alert.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the routing file's secrets come from when they are not written in it: {@code ${NAME}} placeholders are
 * looked up as variables (the environment, in the service: Spring's {@code Environment}), and {@code *_file} keys
 * name files to read (mounted Kubernetes or Docker secrets).
 */
public interface SecretLookup {

    Optional<String> variable(String name);

    /** The file's content without surrounding whitespace. */
    String file(Path path) throws IOException;

    static SecretLookup of(Function<String, String> variables) {
        return new SecretLookup() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(variables.apply(name)).filter(value -> !value.isBlank());
            }

            @Override
            public String file(Path path) throws IOException {
                return Files.readString(path).trim();
            }
        };
    }

    static SecretLookup of(Map<String, String> variables) {
        return of(variables::get);
    }

    static SecretLookup none() {
        return of(Map.of());
    }
}
