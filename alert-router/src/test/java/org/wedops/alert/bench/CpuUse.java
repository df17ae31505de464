package org.wedops.alert.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the processes under test (WATCH_PIDS="name=pid …", each with its descendants, e.g. PostgreSQL's
 * backends), of this driver, and of the whole machine, from /proc: to tell how much of the two shared cores each
 * side used, and how busy the machine was with everything else (other engineers' builds) meanwhile.
 */
final class CpuUse {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuUse() {
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        String watched = BenchEnvironment.text("WATCH_PIDS", "");
        for (String entry : watched.trim().split("\\s+")) {
            if (!entry.contains("=")) {
                continue;
            }
            String name = entry.substring(0, entry.indexOf('='));
            long pid = Long.parseLong(entry.substring(entry.indexOf('=') + 1));
            long total = ticks(pid);
            var handle = ProcessHandle.of(pid);
            if (handle.isPresent()) {
                total += handle.get().descendants().mapToLong(d -> ticks(d.pid())).sum();
            }
            ticks.put(name, total);
        }
        ticks.put("bench driver", ticks(ProcessHandle.current().pid()));
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(cpu[1]), nice = Long.parseLong(cpu[2]), system = Long.parseLong(cpu[3]), idle = Long.parseLong(cpu[4]);
            long iowait = Long.parseLong(cpu[5]), irq = Long.parseLong(cpu[6]), softirq = Long.parseLong(cpu[7]);
            long steal = cpu.length > 8 ? Long.parseLong(cpu[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            ticks.put("@busy", busy);
            ticks.put("@total", busy + idle + iowait);
        } catch (Exception e) {
            // no /proc/stat: no machine figures
        }
        return ticks;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (Exception e) {
            return 0;
        }
    }

    /** CPU seconds and percent of one core per process, machine busy percent (of all cores), and everyone else's share. */
    static Map<String, Object> between(Map<String, Long> start, Map<String, Long> end, long wallMicros) {
        Map<String, Object> out = new LinkedHashMap<>();
        double wall = wallMicros / 1e6;
        out.put("wall_s", round(wall));
        double ours = 0;
        for (String name : end.keySet()) {
            if (name.startsWith("@")) {
                continue;
            }
            double seconds = (end.get(name) - start.getOrDefault(name, 0L)) / TICKS_PER_SECOND;
            ours += seconds;
            out.put(name + " cpu_s", round(seconds));
            out.put(name + " pct_of_one_core", round(100 * seconds / wall));
        }
        if (end.containsKey("@busy") && start.containsKey("@busy")) {
            double busy = (end.get("@busy") - start.get("@busy")) / TICKS_PER_SECOND;
            double total = (end.get("@total") - start.get("@total")) / TICKS_PER_SECOND;
            out.put("machine_busy_pct_of_all_cores", round(100 * busy / total));
            // process and machine counters are sampled a few ms apart: a slightly negative rest means "nothing else"
            double rest = Math.max(0, busy - ours);
            out.put("everything_else cpu_s", round(rest));
            out.put("everything_else pct_of_one_core", round(100 * rest / wall));
        }
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
