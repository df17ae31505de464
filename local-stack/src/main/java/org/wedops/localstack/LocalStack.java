package org.wedops.localstack;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.wedops.events.KafkaAccess;
import org.wedops.localstack.console.StackTable;
import org.wedops.localstack.kafka.KafkaBrokerProcess;
import org.wedops.localstack.kafka.SecureKafka;
import org.wedops.localstack.ports.PortCheck;
import org.wedops.localstack.ports.StackPorts;
import org.wedops.localstack.postgres.PostgresServer;
import org.wedops.localstack.process.JavaExecutable;
import org.wedops.localstack.security.JwtSecret;
import org.wedops.localstack.security.LocalSecretFile;
import org.wedops.localstack.security.LocalTokens;
import org.wedops.localstack.services.ReadinessWait;
import org.wedops.localstack.services.ServiceArguments;
import org.wedops.localstack.services.ServiceProcess;
import org.wedops.localstack.services.WedopsService;
import org.wedops.localstack.simulate.SimulatedTargets;
import org.wedops.localstack.simulate.SimulatedWeddings;
import org.wedops.localstack.simulate.TrafficSimulator;

/**
 * {@code java -jar local-stack/target/local-stack.jar [--simulate]}: the whole system on one machine — a real Kafka
 * broker, a real PostgreSQL and every service in a JVM of its own — until Ctrl-C.
 */
public final class LocalStack {

    static final Duration BROKER_READY = Duration.ofSeconds(90);
    static final Duration SERVICES_READY = Duration.ofSeconds(180);
    static final String SLACK_ENV = "WEDOPS_SLACK_WEBHOOK_URL";

    private final long startedAt;
    private final LaunchOptions options;
    private final PrintStream console;
    private final StackDirectories directories = StackDirectories.inWorkingDirectory();

    private LocalStack(long startedAt, LaunchOptions options, PrintStream console) {
        this.startedAt = startedAt;
        this.options = options;
        this.console = console;
    }

    public static void main(String[] args) {
        long startedAt = System.nanoTime();
        RunningStack stack = null;
        try {
            LaunchOptions options = LaunchOptions.parse(args);
            if (options.help()) {
                System.out.println(LaunchOptions.USAGE);
                return;
            }
            LocalStack launcher = new LocalStack(startedAt, options, System.out);
            if (options.tokenRoles().isPresent()) {
                // only the token on stdout, so that TOKEN=$(java -jar … --token OPERATOR) works
                System.out.println(LocalTokens.forRoles(launcher.secret(), options.tokenRoles().get(), Instant.now()));
                return;
            }
            stack = new RunningStack(System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
            launcher.run(stack);
            new CountDownLatch(1).await(); // until Ctrl-C; the shutdown hook does the stopping
        } catch (StackException e) {
            if (stack != null && stack.isStopping()) {
                return; // Ctrl-C during start-up: the failure is the stop itself, not worth reporting
            }
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            // a bug, not a situation: the trace is worth having; exit explicitly, as the simulator's threads would
            // otherwise keep the JVM (and every child) alive
            org.slf4j.LoggerFactory.getLogger(LocalStack.class).error("local-stack failed unexpectedly", e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String secret() {
        return JwtSecret.loadOrCreate(directories.jwtSecret());
    }

    private void run(RunningStack stack) {
        StackPorts ports = new StackPorts(options.portOffset());
        PortCheck.requireFree(ports.required());
        JavaExecutable.current();
        Installation installation = Installation.locate();
        requireServiceJars(installation);
        String secret = secret();
        LocalSecretFile.loadOrCreate(directories.scrapeToken());

        console.println("WedOps local stack — data in " + relative(directories.root()) + ", logs in " + relative(directories.logs()));
        Optional<SecureKafka> secureKafka = options.secureKafka()
                ? Optional.of(SecureKafka.loadOrCreate(directories.root().resolve("kafka-secure")))
                : Optional.empty();
        console.println("starting Kafka on " + ports.kafkaBootstrap() + (secureKafka.isPresent() ? " (SASL/SCRAM over TLS, ACLs)" : "") + " …");
        KafkaBrokerProcess broker = stack.adopt(KafkaBrokerProcess.start(installation, directories, ports.kafka(), ports.kafkaController(),
                secureKafka));

        // PostgreSQL starts in-process while the broker JVM boots next door
        console.println("starting PostgreSQL on 127.0.0.1:" + ports.postgres() + " …");
        PostgresServer postgres = stack.adopt(PostgresServer.start(ports.postgres(), directories.postgres(), directories.log("postgres")));
        postgres.createDatabases(WedopsService.databases());
        console.println("  PostgreSQL ready (" + elapsed() + ")");

        broker.awaitReady(BROKER_READY);
        console.println("  Kafka ready (" + elapsed() + ")");

        // before the services: the alert router is told the Slack stand-in's address at start
        Optional<TrafficSimulator> simulator = options.simulate()
                ? Optional.of(stack.adopt(TrafficSimulator.start(ports.simulator(), console)))
                : Optional.empty();
        simulator.ifPresent(running -> console.println("  simulator listening on " + running.baseUrl()));
        // a real webhook, when configured, wins over the stand-in
        Optional<String> slack = Optional.ofNullable(System.getenv(SLACK_ENV)).filter(url -> !url.isBlank())
                .or(() -> simulator.map(TrafficSimulator::slackWebhookUrl));

        console.println("starting " + WedopsService.values().length + " services …");
        List<ServiceProcess> services = new ArrayList<>();
        for (WedopsService service : WedopsService.values()) {
            List<String> arguments = new ArrayList<>(ServiceArguments.of(service, ports, directories, slack));
            secureKafka.ifPresent(kafka -> arguments.addAll(ServiceArguments.secureKafka(service, kafka)));
            services.add(stack.adopt(ServiceProcess.start(service.artifactId(), installation.serviceJar(service.artifactId()),
                    ports.of(service), arguments, directories.log(service.artifactId()))));
        }
        ReadinessWait.awaitAll(services, SERVICES_READY, ready -> console.println("  " + ready.name() + " ready (" + elapsed() + ")"));

        stack.markUp();
        printSummary(services, ports, slack, secureKafka);
        simulator.ifPresent(running -> {
            console.println("simulating traffic:");
            SimulatedTargets.register(running, URI.create("http://127.0.0.1:" + ports.of(WedopsService.HEALTH_COLLECTOR)),
                    LocalTokens.simulator(secret, Instant.now()), console);
            running.emitSamples(URI.create("http://127.0.0.1:" + ports.of(WedopsService.APM_INGEST)), LocalTokens.simulator(secret, Instant.now()));
            running.emitModelObservations(ports.kafkaBootstrap(),
                    secureKafka.map(kafka -> kafka.clientProperties(KafkaAccess.EMITTER.name())).orElse(Map.of()));
            SimulatedWeddings.schedule(URI.create("http://127.0.0.1:" + ports.of(WedopsService.SCALING_PLANNER)),
                    LocalTokens.simulator(secret, Instant.now()), Instant.now(), console);
            console.println("  watch: " + secureKafka.map(kafka -> "java -cp 'local-stack/target/lib/*' org.apache.kafka.tools.consumer.ConsoleConsumer"
                    + " --bootstrap-server " + ports.kafkaBootstrap() + " --command-config " + relative(kafka.toolLogins(SecureKafka.ADMIN))
                    + " --topic ops.health.v1 --formatter-property print.key=true")
                    .orElse("kcat -b " + ports.kafkaBootstrap() + " -t ops.health.v1 -C -f '%k %s\\n'"));
            console.println("  Slack messages appear below as [slack] …");
            console.println("  console: http://127.0.0.1:" + ports.of(WedopsService.GATEWAY) + "/ (sign in with ./wedops token VIEWER)");
        });
        console.println("Ctrl-C stops everything.");
    }

    private void printSummary(List<ServiceProcess> services, StackPorts ports, Optional<String> slack, Optional<SecureKafka> secureKafka) {
        List<StackTable.Row> rows = services.stream()
                .map(service -> new StackTable.Row(service.name(), service.port(), service.baseUrl().toString(), relative(service.log())))
                .toList();
        console.println();
        console.print(StackTable.render(rows));
        console.println("all " + services.size() + " services healthy in " + elapsed());
        console.println();
        console.println("  Kafka       " + ports.kafkaBootstrap() + secureKafka.map(kafka -> "   SASL/SCRAM over TLS; logins for tools in "
                + relative(kafka.home()) + ": " + loginFiles(kafka)).orElse("   e.g. kcat -b " + ports.kafkaBootstrap() + " -t ops.health.v1 -C"));
        console.println("  PostgreSQL  jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/<database>   user postgres, password postgres; databases "
                + String.join(", ", WedopsService.databases()));
        console.println("  Slack       " + slack.orElse("not configured (set " + SLACK_ENV + " or use --simulate)"));
        console.println("  Tokens      java -jar local-stack/target/local-stack.jar --token OPERATOR");
        console.println();
    }

    /**
     * The super user's and the emitters' logins, for Kafka's console tools (--command-config) and kcat (-F); the
     * services' own stay with the services.
     */
    private static String loginFiles(SecureKafka kafka) {
        List.of(SecureKafka.ADMIN, KafkaAccess.EMITTER.name(), KafkaAccess.WEDDING_APP.name()).forEach(kafka::toolLogins);
        return "{admin,emitter,wedding-app}.{client.properties,kcat.conf}";
    }

    private static void requireServiceJars(Installation installation) {
        List<String> missing = new ArrayList<>();
        for (WedopsService service : WedopsService.values()) {
            if (!Files.isRegularFile(installation.serviceJar(service.artifactId()))) {
                missing.add(service.artifactId());
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException("service jars missing in " + installation.services() + " (" + String.join(", ", missing)
                    + ") — run ./mvnw -DskipTests package first");
        }
    }

    private String elapsed() {
        return StackTable.seconds(System.nanoTime() - startedAt);
    }

    private static String relative(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
