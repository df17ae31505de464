package org.wedops.apm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went over a stretch of the bench, from Linux's {@code /proc}: the machine's busy and stolen
 * time, and this JVM's time by thread (the broker, the application, its stream threads and the posters all run here),
 * threads of the same kind counted together. Unlike a profiler's samples it counts every tick, native and kernel
 * time included, so "is the machine saturated, and by what" has an exact answer. Absent where there is no {@code /proc}.
 */
final class CpuAccount {

    /** Linux reports times in USER_HZ ticks, 100 per second on every architecture Java runs on there. */
    private static final double TICKS_PER_SECOND = 100;
    private static final int SHOWN = 8;

    /** One look: the machine's busy, stolen and total ticks, and this JVM's ticks by thread kind. */
    record Snapshot(long machineBusy, long machineSteal, long machineTotal, Map<String, Long> threads, long atNanos) {
    }

    private CpuAccount() {
    }

    static Optional<Snapshot> take() {
        Path stat = Path.of("/proc/stat");
        if (!Files.isReadable(stat)) {
            return Optional.empty();
        }
        try {
            // cpu user nice system idle iowait irq softirq steal ...
            String[] cpu = Files.readAllLines(stat).get(0).trim().split("\\s+");
            long user = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]);
            long system = Long.parseLong(cpu[3]) + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]);
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long steal = Long.parseLong(cpu[8]);
            return Optional.of(new Snapshot(user + system, steal, user + system + idle + steal, threads(), System.nanoTime()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Long> threads() throws IOException {
        Map<String, Long> byKind = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue; // the thread ended between listing and reading
                }
                // pid (comm) state ppid ... utime stime: comm may hold spaces, so fields are counted after its ')'
                int close = stat.lastIndexOf(')');
                String kind = stat.substring(stat.indexOf('(') + 1, close).replaceAll("\\d+", "N");
                String[] fields = stat.substring(close + 2).split(" ");
                byKind.merge(kind, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
            }
        }
        return byKind;
    }

    /** What happened between two looks, with the CPU per sample at {@code samplesPerSecond}. */
    static String report(Snapshot before, Snapshot after, double samplesPerSecond) {
        double seconds = Duration.ofNanos(after.atNanos() - before.atNanos()).toMillis() / 1000.0;
        long total = after.machineTotal() - before.machineTotal();
        long busy = after.machineBusy() - before.machineBusy();
        long steal = after.machineSteal() - before.machineSteal();
        double cores = total / TICKS_PER_SECOND / seconds;
        double busyCores = busy / TICKS_PER_SECOND / seconds;
        Map<String, Long> threads = new HashMap<>();
        after.threads().forEach((kind, ticks) -> threads.put(kind, ticks - before.threads().getOrDefault(kind, 0L)));
        long jvm = threads.values().stream().mapToLong(Long::longValue).sum();
        String top = threads.entrySet().stream().filter(kind -> kind.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(SHOWN)
                .map(kind -> String.format("%s %.0f %%", kind.getKey(), 100.0 * kind.getValue() / busy))
                .collect(Collectors.joining(", "));
        return String.format("CPU over %.0f s of it: the machine %.2f of %.2f cores busy (%.0f %%), %.2f stolen; %.1f µs of busy CPU per sample;%n"
                        + "    of the busy time, this JVM %.0f %% (%s), the rest PostgreSQL and the kernel's own threads",
                seconds, busyCores, cores, 100.0 * busy / Math.max(1, total), steal / TICKS_PER_SECOND / seconds,
                busyCores / samplesPerSecond * 1e6, 100.0 * jvm / Math.max(1, busy), top);
    }
}
