package org.wedops.localstack;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.wedops.localstack.kafka.KafkaBrokerProcess;
import org.wedops.localstack.postgres.PostgresServer;
import org.wedops.localstack.process.ChildProcess;
import org.wedops.localstack.services.ServiceProcess;
import org.wedops.localstack.simulate.TrafficSimulator;

/**
 * Everything started so far, stopped in the reverse order of need: services first (they still write to Kafka and
 * PostgreSQL while they drain), then the simulator they may still call, then the broker, then PostgreSQL. Parts
 * started after a stop began (Ctrl-C during start-up) are stopped at once, so nothing is left behind.
 */
@RequiredArgsConstructor
final class RunningStack {

    static final Duration SERVICE_GRACE = Duration.ofSeconds(15);
    static final Duration BROKER_GRACE = Duration.ofSeconds(20);

    private final PrintStream console;
    private final List<ServiceProcess> services = new ArrayList<>();
    private TrafficSimulator simulator;
    private KafkaBrokerProcess broker;
    private PostgresServer postgres;
    private boolean stopping;
    private boolean up;

    synchronized boolean isStopping() {
        return stopping;
    }

    /** From now on a service that exits is news; during start-up the readiness wait reports it, with its log. */
    synchronized void markUp() {
        up = true;
    }

    private synchronized boolean worthReporting(boolean always) {
        return !stopping && (up || always);
    }

    KafkaBrokerProcess adopt(KafkaBrokerProcess started) {
        synchronized (this) {
            if (!stopping) {
                broker = started;
                watch(started.child(), true);
                return started;
            }
        }
        started.stop(BROKER_GRACE);
        throw new StackException("stopped during start-up");
    }

    PostgresServer adopt(PostgresServer started) {
        synchronized (this) {
            if (!stopping) {
                postgres = started;
                return started;
            }
        }
        started.close();
        throw new StackException("stopped during start-up");
    }

    TrafficSimulator adopt(TrafficSimulator started) {
        synchronized (this) {
            if (!stopping) {
                simulator = started;
                return started;
            }
        }
        started.close();
        throw new StackException("stopped during start-up");
    }

    ServiceProcess adopt(ServiceProcess started) {
        synchronized (this) {
            if (!stopping) {
                services.add(started);
                watch(started.child(), false);
                return started;
            }
        }
        started.stop(SERVICE_GRACE);
        throw new StackException("stopped during start-up");
    }

    /** A child that dies while the stack runs is reported at once, rather than discovered through failing calls. */
    private void watch(ChildProcess child, boolean evenDuringStartUp) {
        child.process().onExit().thenAccept(exited -> {
            if (worthReporting(evenDuringStartUp)) {
                console.println("! " + child.name() + " exited with code " + exited.exitValue() + " — see " + child.log());
            }
        });
    }

    void stop() {
        List<ServiceProcess> runningServices;
        TrafficSimulator runningSimulator;
        KafkaBrokerProcess runningBroker;
        PostgresServer runningPostgres;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            if (services.isEmpty() && simulator == null && broker == null && postgres == null) {
                return; // failed before anything started: nothing to report
            }
            runningServices = List.copyOf(services);
            runningSimulator = simulator;
            runningBroker = broker;
            runningPostgres = postgres;
        }
        if (!runningServices.isEmpty()) {
            console.println("stopping " + runningServices.size() + " services …");
            // in parallel, on threads of their own: six graceful shutdowns in a row could take minutes, and the common
            // pool has a single thread on a two-core machine
            List<Thread> stoppers = runningServices.stream()
                    .map(service -> new Thread(() -> stop(service), "stop-" + service.name()))
                    .toList();
            stoppers.forEach(Thread::start);
            stoppers.forEach(RunningStack::join);
        }
        if (runningSimulator != null) {
            runningSimulator.close();
            console.println("  simulator stopped");
        }
        if (runningBroker != null) {
            console.println("stopping Kafka …");
            boolean clean = runningBroker.stop(BROKER_GRACE);
            console.println(clean ? "  Kafka stopped" : "  Kafka killed after " + BROKER_GRACE.toSeconds() + " s");
        }
        if (runningPostgres != null) {
            console.println("stopping PostgreSQL …");
            try {
                runningPostgres.close();
                console.println("  PostgreSQL stopped");
            } catch (StackException e) {
                console.println("  " + e.getMessage());
            }
        }
        console.println("stopped.");
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop(ServiceProcess service) {
        if (!service.isAlive()) {
            console.println("  " + service.name() + " had already exited (code " + service.child().exitCode() + ")");
            return;
        }
        boolean clean = service.stop(SERVICE_GRACE);
        console.println(clean ? "  " + service.name() + " stopped"
                : "  " + service.name() + " killed after " + SERVICE_GRACE.toSeconds() + " s");
    }
}
