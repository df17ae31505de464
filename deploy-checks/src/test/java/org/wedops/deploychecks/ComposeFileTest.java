package org.wedops.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and its offline override, checked the way docker-compose and the services take them: every
 * variable binds to a property the service has, ports are the local stack's, start order waits on health, the stop
 * grace outlasts the drain, and every secret the file needs is listed in .env.example. (bin/compose-check brings the
 * stack up for real; it takes minutes, so it is a command beside ./wedops test, not part of it.)
 */
class ComposeFileTest {

    static final Path ROOT = Rendered.ROOT;
    static final Map<String, Integer> PORTS = DeployManifestsTest.PORTS;
    /** Read by the JVM itself, not bound by Spring. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?[-?])?[^}]*}");

    @Test
    void everyServiceRunsItsImageOnTheLocalStackPortWithAReadinessHealthCheck() {
        Map<String, Map<String, Object>> services = services(compose());
        assertThat(services.keySet()).containsExactlyInAnyOrder("kafka", "postgres", "gateway", "health-collector",
                "deployment-orchestrator", "scaling-planner", "apm-ingest", "alert-router");
        PORTS.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            // the image k8s/ runs too, and Jib's <to> in the parent pom's "images" profile
            assertThat(service.get("image")).as(name).isEqualTo("wedops/" + name + ":${WEDOPS_VERSION:-0.1.0-SNAPSHOT}");
            String variable = "WEDOPS_" + name.toUpperCase().replace('-', '_') + "_PORT";
            assertThat(list(service.get("ports"))).as(name + " published on 127.0.0.1 at the local stack's port")
                    .containsExactly("127.0.0.1:${" + variable + ":-" + port + "}:" + port);
            String check = String.join(" ", list(map(service.get("healthcheck")).get("test")));
            assertThat(check).as(name).contains("http://127.0.0.1:" + port + "/actuator/health/readiness");
        });
    }

    @Test
    void everyEnvironmentVariableBindsToAPropertyTheServiceHas() {
        Map<String, Map<String, Object>> services = services(compose());
        Map<String, List<String>> unbound = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String name : PORTS.keySet()) {
            ServiceProperties properties = ServiceProperties.of(name);
            for (Map.Entry<String, Object> variable : map(services.get(name).get("environment")).entrySet()) {
                String key = variable.getKey();
                if (JVM_VARIABLES.contains(key)) {
                    continue;
                }
                if (key.equals("SPRING_APPLICATION_JSON")) {
                    try {
                        for (String property : flatten("", json.readTree(String.valueOf(variable.getValue())))) {
                            if (!properties.bindsName(property)) {
                                unbound.computeIfAbsent(name, n -> new ArrayList<>()).add(property);
                            }
                        }
                    } catch (IOException e) {
                        throw new AssertionError(name + ": SPRING_APPLICATION_JSON is not JSON: " + e.getMessage(), e);
                    }
                } else if (!properties.bindsEnvironmentVariable(key)) {
                    unbound.computeIfAbsent(name, n -> new ArrayList<>()).add(key);
                }
            }
        }
        assertThat(unbound).as("environment variables of docker-compose.yml that bind to no property").isEmpty();
    }

    @Test
    void theGatewayRoutesToEveryServiceByItsComposeName() throws IOException {
        String routes = String.valueOf(map(services(compose()).get("gateway").get("environment")).get("SPRING_APPLICATION_JSON"));
        JsonNode table = new ObjectMapper().readTree(routes).at("/wedops/gateway/services");
        Map<String, String> expected = new TreeMap<>();
        PORTS.forEach((name, port) -> {
            if (!name.equals("gateway")) {
                expected.put(name, "http://" + name + ":" + port);
            }
        });
        Map<String, String> actual = new TreeMap<>();
        table.properties().forEach(entry -> actual.put(entry.getKey(), entry.getValue().asText()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void startWaitsOnHealthAndAStopOutlastsTheDrainOnAReadOnlyRoot() {
        Map<String, Map<String, Object>> services = services(compose());
        for (String name : PORTS.keySet()) {
            Map<String, Object> service = services.get(name);
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            // the gateway: the services behind it, and Kafka for the console's live feed
            Set<String> expected = name.equals("gateway")
                    ? Stream.concat(PORTS.keySet().stream().filter(n -> !n.equals("gateway")), Stream.of("kafka")).collect(Collectors.toSet())
                    : Set.of("kafka", "postgres");
            assertThat(dependsOn.keySet()).as(name).containsExactlyInAnyOrderElementsOf(expected);
            dependsOn.values().forEach(condition -> assertThat(map(condition)).as(name).containsEntry("condition", "service_healthy"));

            Duration drain = DurationStyle.detectAndParse(String.valueOf(map(service.get("environment"))
                    .getOrDefault("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", "30s")));
            Duration grace = DurationStyle.detectAndParse(String.valueOf(service.get("stop_grace_period")));
            assertThat(grace).as(name + ": stop_grace_period above the graceful drain").isGreaterThan(drain);

            assertThat(service.get("read_only")).as(name).isEqualTo(true);
            assertThat(list(service.get("tmpfs"))).as(name + ": the one writable place").anyMatch(t -> t.startsWith("/tmp:"));
            assertThat(list(service.get("cap_drop"))).as(name).containsExactly("ALL");
            assertThat(service).as(name).containsKey("mem_limit");
        }
        // the compose file format in which docker-compose 1.29 honours depends_on conditions and start_period
        assertThat(compose().get("version")).isEqualTo("2.4");
    }

    @Test
    void everySecretComesFromTheGitIgnoredEnvFileAndIsListedInTheExample() throws IOException {
        String file = Files.readString(ROOT.resolve("docker-compose.yml"));
        Set<String> required = new TreeSet<>();
        Set<String> referenced = new TreeSet<>();
        Matcher matcher = REFERENCE.matcher(file);
        while (matcher.find()) {
            referenced.add(matcher.group(1));
            if (":?".equals(matcher.group(2))) {
                required.add(matcher.group(1));
            }
        }
        // the optional integrations: keys without a value, passed only when .env has them
        Set<String> passedThrough = new TreeSet<>();
        services(compose()).values().forEach(service -> map(service.get("environment")).forEach((key, value) -> {
            if (value == null) {
                passedThrough.add(key);
            }
        }));
        assertThat(passedThrough).contains("WEDOPS_ALERT_SLACK_WEBHOOKURL", "WEDOPS_ALERT_PAGERDUTY_ROUTINGKEY", "SPRING_MAIL_HOST");
        assertThat(required).contains("WEDOPS_JWT_SECRET", "POSTGRES_PASSWORD");

        List<String> example = Files.readAllLines(ROOT.resolve(".env.example"));
        Set<String> set = example.stream().filter(l -> l.matches("[A-Z0-9_]+=.*")).map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> mentioned = example.stream().filter(l -> l.matches("#?[A-Z0-9_]+=.*")).map(l -> l.replaceFirst("^#", ""))
                .map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toCollection(TreeSet::new));
        assertThat(set).as("required secrets are listed (empty) in .env.example").containsAll(required);
        assertThat(example).filteredOn(l -> l.matches("[A-Z0-9_]+=.*")).as("no value is committed")
                .allSatisfy(l -> assertThat(l).endsWith("="));
        assertThat(mentioned).as("every variable docker-compose.yml reads is explained in .env.example")
                .containsAll(referenced).containsAll(passedThrough);
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void eachServiceLogsInWithItsOwnRoleToTheDatabaseTheInitScriptCreates() throws IOException {
        String init = Files.readString(ROOT.resolve("docker/postgres/initdb.d/10-wedops-databases.sh"));
        Matcher loop = Pattern.compile("for database in ([a-z_ ]+); do").matcher(init);
        assertThat(loop.find()).isTrue();
        Set<String> created = Set.of(loop.group(1).trim().split(" +"));
        Map<String, Map<String, Object>> services = services(compose());
        Set<String> used = new TreeSet<>();
        for (String name : PORTS.keySet()) {
            Map<String, Object> environment = map(services.get(name).get("environment"));
            if (!environment.containsKey("SPRING_R2DBC_URL")) {
                assertThat(name).isEqualTo("gateway");
                continue;
            }
            String database = name.replace('-', '_');
            assertThat(environment).as(name)
                    .containsEntry("SPRING_R2DBC_URL", "r2dbc:postgresql://postgres:5432/" + database)
                    .containsEntry("SPRING_FLYWAY_URL", "jdbc:postgresql://postgres:5432/" + database)
                    .containsEntry("SPRING_R2DBC_USERNAME", database)
                    .containsEntry("SPRING_FLYWAY_USER", database);
            String password = "${WEDOPS_DB_PASSWORD_" + database.toUpperCase() + "}";
            assertThat(environment).as(name).containsEntry("SPRING_R2DBC_PASSWORD", password).containsEntry("SPRING_FLYWAY_PASSWORD", password);
            assertThat(map(services.get("postgres").get("environment"))).containsKey("WEDOPS_DB_PASSWORD_" + database.toUpperCase());
            used.add(database);
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void theOfflineOverrideSwapsOnlyTheKafkaAndPostgresImages() {
        Map<String, Object> offline = yaml(ROOT.resolve("docker-compose.offline.yml"));
        assertThat(offline.get("version")).isEqualTo("2.4");
        Map<String, Map<String, Object>> services = services(offline);
        assertThat(services.keySet()).containsExactlyInAnyOrder("kafka", "postgres");
        assertThat(services.get("kafka")).containsOnlyKeys("image");
        assertThat(services.get("postgres")).containsOnlyKeys("image");
        // the tools the shared health checks call exist under the same paths in the images bin/compose-images makes
        Map<String, Map<String, Object>> main = services(compose());
        assertThat(list(map(main.get("kafka").get("healthcheck")).get("test"))).contains("/opt/kafka/bin/kafka-broker-api-versions.sh");
        assertThat(list(map(main.get("postgres").get("healthcheck")).get("test"))).contains("pg_isready");
    }

    private static Map<String, Object> compose() {
        return yaml(ROOT.resolve("docker-compose.yml"));
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            // SnakeYAML resolves the file's anchors and merge keys (<<) as docker-compose does
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : new LinkedHashMap<>((Map<String, Object>) value);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(String::valueOf).toList();
    }

    private static List<String> flatten(String prefix, JsonNode node) {
        if (!node.isObject()) {
            return List.of(prefix);
        }
        List<String> names = new ArrayList<>();
        node.properties().forEach(entry -> names.addAll(flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue())));
        return names;
    }
}
