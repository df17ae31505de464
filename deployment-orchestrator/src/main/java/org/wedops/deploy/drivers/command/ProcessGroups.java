package org.wedops.deploy.drivers.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Linux side of process groups, read from /proc. Java's Process API can neither start a process in a group of its
 * own nor signal a group, so steps start through {@code setsid} and groups are signalled through {@code kill}.
 *
 * <p>A step's processes are those of its group and those whose environment carries its token: the token finds them
 * even when the group id was never recorded (the orchestrator died between start and write) and keeps a later,
 * unrelated group that reuses the id from being taken for the step's.
 */
final class ProcessGroups {

    static final String TOKEN_VARIABLE = "WEDOPS_COMMAND_RUN";
    private static final Path PROC = Path.of("/proc");

    private ProcessGroups() {
    }

    /** A live (not zombie) process of a step. */
    record Member(long pid, long pgid) {
    }

    /** Where pids mean the same processes as here: the boot and the pid namespace. */
    static String processSpace() {
        try {
            String boot = Files.readString(PROC.resolve("sys/kernel/random/boot_id")).strip();
            String namespace = Files.readSymbolicLink(PROC.resolve("self/ns/pid")).toString();
            return boot + "/" + namespace;
        } catch (IOException | UnsupportedOperationException e) {
            // without /proc nothing can be confirmed about a predecessor's processes: no other instance shares this space
            return "unknown-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        }
    }

    /** Start time of a process in clock ticks since boot, or null when it is gone. */
    static Long startTime(long pid) {
        String[] stat = stat(pid);
        return stat == null ? null : Long.parseLong(stat[19]);
    }

    /**
     * Live processes of a step: of group {@code pgid} (when its leader is gone or is the one that started at
     * {@code leaderStart}) or carrying {@code token} in their environment.
     */
    static List<Member> members(Long pgid, Long leaderStart, String token) {
        boolean groupIsTheStep = false;
        if (pgid != null && pgid > 1) {
            String[] leader = stat(pgid);
            // while any process is in group X, no new process gets pid X: a live X with another start time is a new group
            groupIsTheStep = leader == null || "Z".equals(leader[0]) || leaderStart == null || Long.parseLong(leader[19]) == leaderStart;
        }
        long self = ProcessHandle.current().pid();
        long ownGroup = groupOf(self);
        byte[] marker = token == null ? null : (TOKEN_VARIABLE + "=" + token).getBytes(StandardCharsets.UTF_8);
        List<Member> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == self) {
                    continue;
                }
                long pid = Long.parseLong(name);
                String[] stat = stat(pid);
                if (stat == null || "Z".equals(stat[0])) {
                    continue;
                }
                long group = Long.parseLong(stat[2]);
                if (group == ownGroup) {
                    continue;
                }
                if (groupIsTheStep && group == pgid || marker != null && carries(pid, marker)) {
                    found.add(new Member(pid, group));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * TERM to every group of the step, KILL to what is left after {@code grace}; answers whether all of it was gone
     * within {@code grace + wait}. Polls /proc: a group has no exit event to wait on.
     */
    static boolean stop(Long pgid, Long leaderStart, String token, Duration grace, Duration wait) throws InterruptedException {
        List<Member> alive = members(pgid, leaderStart, token);
        if (alive.isEmpty()) {
            return true;
        }
        signal(alive, "TERM");
        if (awaitGone(pgid, leaderStart, token, grace)) {
            return true;
        }
        signal(members(pgid, leaderStart, token), "KILL");
        return awaitGone(pgid, leaderStart, token, wait);
    }

    static boolean awaitGone(Long pgid, Long leaderStart, String token, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!members(pgid, leaderStart, token).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    private static void signal(List<Member> members, String signal) throws InterruptedException {
        Set<Long> groups = new TreeSet<>();
        members.forEach(member -> groups.add(member.pgid()));
        for (long group : groups) {
            if (group <= 1) {
                continue;
            }
            try {
                // the whole group at once: a process forking while it is signalled one by one would escape
                Process kill = new ProcessBuilder("kill", "-s", signal, "--", "-" + group).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                    kill.destroyForcibly();
                }
            } catch (IOException e) {
                // no kill binary: signal the members found one by one
                members.stream().filter(m -> m.pgid() == group).forEach(m -> ProcessHandle.of(m.pid()).ifPresent(
                        "KILL".equals(signal) ? ProcessHandle::destroyForcibly : ProcessHandle::destroy));
            }
        }
    }

    private static long groupOf(long pid) {
        String[] stat = stat(pid);
        return stat == null ? -1 : Long.parseLong(stat[2]);
    }

    /** Fields of /proc/pid/stat after the command name: [0] state, [1] ppid, [2] pgrp, [3] session, [19] starttime. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(PROC.resolve(pid + "/stat"));
            // the command name may hold spaces and parentheses; it ends at the last ')'
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean carries(long pid, byte[] marker) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(PROC.resolve(pid + "/environ"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        // entries are NUL-separated: the marker must start an entry and end it
        outer:
        for (int start = 0; start + marker.length <= environment.length; ) {
            for (int i = 0; i < marker.length; i++) {
                if (environment[start + i] != marker[i]) {
                    int next = indexOfNul(environment, start);
                    start = next < 0 ? environment.length : next + 1;
                    continue outer;
                }
            }
            int end = start + marker.length;
            if (end == environment.length || environment[end] == 0) {
                return true;
            }
            int next = indexOfNul(environment, start);
            start = next < 0 ? environment.length : next + 1;
        }
        return false;
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
