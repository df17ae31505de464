package org.wedops.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.wedops.testsupport.browser.NodeTestSuite;
import org.wedops.localstack.security.JwtMinter;
import org.wedops.localstack.security.JwtSecret;
import org.wedops.localstack.security.LocalTokens;
import org.wedops.localstack.services.ReadinessWait;
import org.wedops.localstack.services.ServiceArguments;
import org.wedops.localstack.services.ServiceProcess;
import org.wedops.localstack.services.WedopsService;
import org.wedops.localstack.simulate.SimulatedModels;
import org.wedops.localstack.simulate.SimulatedSamples;
import org.wedops.testsupport.SharedKafka;
import org.wedops.testsupport.SharedPostgres;

/**
 * The operator console in a real headless Chromium against the real gateway and every real service, each in a JVM
 * of its own, on one real broker and one real PostgreSQL: the stack starts once, then the browser suite
 * ({@code console/test/browser}, Node's test runner driving Debian's chromium through playwright-core) runs against
 * it with a token per role, while the simulator's emitters write model predictions and integration samples. Its screenshots land in
 * {@code target/console-screenshots}.
 */
class ConsoleInBrowserEndToEndTest {

    private static final Duration READY = Duration.ofSeconds(180);
    private static final Duration SUITE = Duration.ofMinutes(5);
    private static final Path TARGET = buildDirectory();
    private static final Path CONSOLE = TARGET.getParent().getParent().resolve("console");
    private static final Path WORK = TARGET.resolve("console-e2e");
    private static final Path SCREENSHOTS = TARGET.resolve("console-screenshots");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private static final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private static final Map<WedopsService, ServiceProcess> services = new EnumMap<>(WedopsService.class);
    private static String secret;
    private static SimulatedModels models;
    private static SimulatedSamples samples;

    @RegisterExtension
    static final TestWatcher SERVICE_LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            started.forEach(service -> System.out.println("--- last lines of " + service.log() + ":\n"
                    + String.join("\n", service.child().lastLogLines(40))));
        }
    };

    @BeforeAll
    static void startTheStack() throws IOException {
        assertThat(CHROMIUM).as("Debian's chromium is needed for the console's browser tests: bin/test-browser installs it "
                + "(./wedops test runs it), or set CHROMIUM to a Chromium binary").isExecutable();
        assertThat(CONSOLE.resolve("node_modules/playwright-core")).as("the console's packages are installed by the gateway's build "
                + "(npm ci in console/); build the gateway without -Dconsole.skip").isDirectory();
        Runtime.getRuntime().addShutdownHook(new Thread(ConsoleInBrowserEndToEndTest::stopTheStack, "console-e2e-stop"));
        Files.createDirectories(WORK);
        Path secretFile = WORK.resolve("jwt-secret").toAbsolutePath();
        secret = JwtSecret.loadOrCreate(secretFile);

        Map<WedopsService, Integer> ports = new EnumMap<>(WedopsService.class);
        for (WedopsService service : WedopsService.values()) {
            ports.put(service, freePort());
        }
        for (WedopsService service : WedopsService.values()) {
            List<String> arguments = new ArrayList<>(List.of("--wedops.security.mode=local", "--wedops.security.jwt-secret-file=" + secretFile));
            if (service == WedopsService.GATEWAY) {
                WedopsService.behindGateway().forEach(routed -> arguments.add(
                        "--wedops.gateway.services." + routed.artifactId() + "=http://127.0.0.1:" + ports.get(routed)));
                arguments.add("--wedops.gateway.live.enabled=true");
                arguments.add("--spring.kafka.bootstrap-servers=" + SharedKafka.brokers());
            } else {
                arguments.add("--wedops.kafka.bootstrap-servers=" + SharedKafka.brokers());
                // databases of its own: other end-to-end tests in this JVM leave their alerts and targets behind
                arguments.addAll(ServiceArguments.database(SharedPostgres.port(),
                        SharedPostgres.database("console_" + service.database().orElseThrow())));
            }
            if (service == WedopsService.DEPLOYMENT_ORCHESTRATOR) {
                arguments.addAll(ServiceArguments.demoDeployable());
            }
            ServiceProcess process = ServiceProcess.start(service.artifactId(), TARGET.resolve("services").resolve(service.artifactId() + ".jar"),
                    ports.get(service), arguments, WORK.resolve(service.artifactId() + ".log"));
            started.add(process);
            services.put(service, process);
        }
        ReadinessWait.awaitAll(started, READY, ready -> { });
        // the simulator's emitters, as `./wedops run --simulate` runs them: the Integrations view shows their models' drift
        // and, as their windows close, reads its charts again when the live feed says a minute closed
        models = SimulatedModels.start(SharedKafka.brokers(), Map.of(), System.out);
        samples = SimulatedSamples.start(services.get(WedopsService.APM_INGEST).baseUrl(), LocalTokens.simulator(secret, Instant.now()), System.out);
    }

    @AfterAll
    static void stopTheStack() {
        if (models != null) {
            models.close();
            models = null;
        }
        if (samples != null) {
            samples.close();
            samples = null;
        }
        // in parallel: six graceful shutdowns in a row would add a minute
        List<Thread> stoppers = started.stream().map(service -> new Thread(() -> service.stop(Duration.ofSeconds(15)))).toList();
        stoppers.forEach(Thread::start);
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.clear();
    }

    @Test
    void theConsoleWorksInARealBrowserForEveryRole() throws Exception {
        JwtMinter minter = new JwtMinter(secret);
        Instant now = Instant.now();
        Files.createDirectories(SCREENSHOTS);
        Path output = WORK.resolve("browser-suite.log");
        Map<String, String> environment = new HashMap<>();
        environment.put("GATEWAY_URL", services.get(WedopsService.GATEWAY).baseUrl().toString());
        environment.put("VIEWER_TOKEN", minter.mint("console-viewer", List.of("VIEWER"), null, now, Duration.ofHours(1)));
        environment.put("OPERATOR_TOKEN", minter.mint("console-operator", List.of("OPERATOR"), null, now, Duration.ofHours(1)));
        environment.put("ADMIN_TOKEN", minter.mint("console-admin", List.of("ADMIN"), null, now, Duration.ofHours(1)));
        environment.put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        environment.put("CHROMIUM", CHROMIUM.toString());

        String log = NodeTestSuite.runAndAssertPassed(CONSOLE, "test/browser/", environment, output, SUITE);
        assertThat(log).containsPattern("(?m)pass [1-9]");
        try (var shots = Files.list(SCREENSHOTS)) {
            assertThat(shots.map(path -> path.getFileName().toString()))
                    .contains("now-phone.png", "alerts-phone.png", "deployments-phone.png", "health-phone.png", "integrations-phone.png",
                            "weddings-phone.png", "emergency-phone.png", "now-desktop.png", "emergency-desktop.png");
        }
    }

    /** target/, found from the test classes rather than the working directory, which differs between IDE and Maven. */
    private static Path buildDirectory() {
        try {
            return Path.of(ConsoleInBrowserEndToEndTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
