package org.wedops.deploy.drivers.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.wedops.deploy.DeploymentOrchestratorProperties.DriverKind;
import org.wedops.deploy.drivers.DeployTarget;
import org.wedops.deploy.drivers.DriverFailure;
import org.wedops.deploy.drivers.Drivers;

/**
 * Deploys by running a configured command (a script, a CLI) with the service and version as arguments. Exit code 0
 * is success; output (stdout and stderr together, the last 8 KB) is returned to be recorded either way. A command
 * that outlives its timeout, or whose deployment is cancelled, is killed.
 */
@Component
class CommandDriver implements Drivers.KindedDriver {

    private static final int KEPT_OUTPUT = 8 * 1024;

    @Override
    public DriverKind kind() {
        return DriverKind.COMMAND;
    }

    @Override
    public String currentVersion(DeployTarget target) {
        return null;
    }

    @Override
    public boolean hasMigration(DeployTarget target) {
        return target.settings().command() != null && !target.settings().command().migration().isEmpty();
    }

    @Override
    public String migrate(DeployTarget target, String version) {
        return run(target, target.settings().command().migration(), version, "migration");
    }

    @Override
    public String rollout(DeployTarget target, String version) {
        return run(target, target.settings().command().rollout(), version, "rollout");
    }

    @Override
    public String rollback(DeployTarget target, String toVersion) {
        return run(target, target.settings().command().rollout(), toVersion, "rollback");
    }

    private static String run(DeployTarget target, List<String> template, String version, String step) {
        if (template == null || template.isEmpty()) {
            throw new DriverFailure("no " + step + " command configured for " + target.service());
        }
        List<String> command = template.stream().map(arg -> arg.replace("{service}", target.service())
                .replace("{environment}", target.environment()).replace("{region}", target.region()).replace("{version}", version)).toList();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DriverFailure(step + " command " + command.get(0) + " could not start: " + e.getMessage(), e);
        }
        try {
            OutputTail output = new OutputTail(process.getInputStream());
            output.start();
            if (!process.waitFor(target.settings().timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new DriverFailure(step + " command timed out after " + target.settings().timeout() + "; output: " + output.text());
            }
            output.join(1000);
            int exit = process.exitValue();
            String text = step + " exit " + exit + ": " + output.text();
            if (exit != 0) {
                throw new DriverFailure(text);
            }
            return text;
        } catch (InterruptedException e) {
            // the deployment was cancelled (instance shutting down): the command must not run on unowned
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DriverFailure(step + " command interrupted", e);
        }
    }

    /** Keeps the end of a process's output, read on its own thread so a chatty process never blocks on a full pipe. */
    private static final class OutputTail extends Thread {

        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        OutputTail(InputStream in) {
            super("command-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    synchronized (kept) {
                        kept.write(buffer, 0, read);
                    }
                }
            } catch (IOException ignored) {
                // the process ended or was killed: what was read is what there is
            }
        }

        String text() {
            synchronized (kept) {
                String all = kept.toString(StandardCharsets.UTF_8).strip();
                return all.length() <= KEPT_OUTPUT ? all : "…" + all.substring(all.length() - KEPT_OUTPUT);
            }
        }
    }
}
