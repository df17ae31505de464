package org.wedops.apm.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy the JIT compilers have been since the last look: the time they spent compiling, as a share of the wall time.
 * The bench warms up until this is low, so that what it measures is the steady state and not the JIT still compiling
 * the code the load made hot (bench/apm-ingest/README.md, "measured once the JIT is quiet").
 */
final class JitActivity {

    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private long compilingMillis = compiler.getTotalCompilationTime();
    private long lookedAt = System.nanoTime();

    /** Compiling time since the last call over the wall time since then, e.g. 0.25 for a quarter. */
    double shareSinceLastLook() {
        long compiling = compiler.getTotalCompilationTime();
        long now = System.nanoTime();
        double share = (compiling - compilingMillis) / ((now - lookedAt) / 1e6);
        compilingMillis = compiling;
        lookedAt = now;
        return share;
    }
}
