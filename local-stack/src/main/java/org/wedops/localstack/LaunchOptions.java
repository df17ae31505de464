package org.wedops.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The launcher's flags. Deliberately few: everything else (ports, directories, JVM sizes) has one right value for
 * a laptop.
 *
 * @param tokenRoles present when {@code --token} asks for a token instead of a stack
 */
public record LaunchOptions(int portOffset, boolean simulate, Optional<List<String>> tokenRoles, boolean help, boolean secureKafka) {

    public static final String USAGE = """
            usage: java -jar local-stack/target/local-stack.jar [--simulate] [--port-offset N] [--secure-kafka]
                   java -jar local-stack/target/local-stack.jar --token [ROLE...]

              (no flag)        start Kafka, PostgreSQL and every service; Ctrl-C stops them all
              --simulate       also run stand-in endpoints (steady, flapping, slow) and a Slack stand-in,
                               and register them with the health collector
              --port-offset N  shift every port by N (Kafka 9092, PostgreSQL 5433, services 8080..8085)
              --secure-kafka   run Kafka as in production: SASL/SCRAM over TLS, a principal per service, the
                               ACLs of KafkaAccess (its own data and passwords under .wedops/kafka-secure/)
              --token [ROLE…]  print a JWT for the running stack and exit; roles VIEWER, OPERATOR, ADMIN
                               (default ADMIN), or INGEST for an emitter's ingest-scoped token""";

    public static LaunchOptions parse(String... args) {
        int offset = 0;
        boolean simulate = false;
        List<String> roles = null;
        boolean help = false;
        boolean secureKafka = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--simulate")) {
                simulate = true;
            } else if (arg.equals("--secure-kafka")) {
                secureKafka = true;
            } else if (arg.equals("--port-offset") || arg.startsWith("--port-offset=")) {
                String value;
                if (arg.contains("=")) {
                    value = arg.substring(arg.indexOf('=') + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new StackException("--port-offset needs a number, e.g. --port-offset 100");
                }
                offset = parseOffset(value);
            } else if (arg.equals("--token")) {
                roles = new ArrayList<>();
                while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                    roles.add(args[++i].toUpperCase(Locale.ROOT));
                }
                if (roles.isEmpty()) {
                    roles.add("ADMIN");
                }
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else {
                throw new StackException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new LaunchOptions(offset, simulate, Optional.ofNullable(roles).map(List::copyOf), help, secureKafka);
    }

    private static int parseOffset(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StackException("--port-offset needs a whole number, not '" + value + "'");
        }
    }
}
