package org.wedops.localstack.process;

import java.nio.file.Files;
import java.nio.file.Path;

import org.wedops.localstack.StackException;

/** The java binary that runs the launcher also runs every child, so the stack needs exactly one JDK. */
public final class JavaExecutable {

    private JavaExecutable() {
    }

    public static Path current() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new StackException("no java executable at " + java + " — install a JDK 17+ and put it on PATH");
        }
        return java;
    }
}
