package org.wedops.alert.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Alertmanager 0.25 against the WedOps alert-router, the same alert stream into each, one run, side by side; started
 * by {@code bench/alert-router/run.sh} (README.md beside it says what it measures and keeps the figures).
 *
 * <ul>
 *   <li>{@code stack <dir> <port-offset> <router.jar> <routing.yml> <ready-file>}: the WedOps side ({@link BenchStack})</li>
 *   <li>{@code run am|wedops <results-dir>}: the load into one system, recorded and analysed ({@link LoadRun})</li>
 *   <li>{@code hop <results-dir>}: the Kafka hop alone, with the router paused</li>
 *   <li>{@code report <results-dir>}: both systems side by side ({@link Report})</li>
 * </ul>
 */
public final class AlertRouterBench {

    private AlertRouterBench() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        if (command.equals("stack") && args.length == 6) {
            BenchStack.run(Arrays.copyOfRange(args, 1, 6));
        } else if (command.equals("report") && args.length == 2) {
            Report.print(Path.of(args[1]));
        } else if (command.equals("hop") && args.length == 2) {
            new LoadRun("hop", Path.of(args[1])).runKafkaHopAlone();
        } else if (command.equals("run") && args.length == 3 && (args[1].equals("am") || args[1].equals("wedops"))) {
            new LoadRun(args[1], Path.of(args[2])).run();
        } else {
            System.err.println("usage: AlertRouterBench stack <dir> <port-offset> <router.jar> <routing.yml> <ready-file>"
                    + " | run am|wedops <results-dir> | hop <results-dir> | report <results-dir>");
            System.exit(2);
        }
    }
}
