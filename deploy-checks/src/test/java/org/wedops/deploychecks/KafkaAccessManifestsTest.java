package org.wedops.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wedops.deploychecks.DeployManifestsTest.only;
import static org.wedops.deploychecks.DeployManifestsTest.path;
import static org.wedops.deploychecks.DeployManifestsTest.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.wedops.events.KafkaAccess;

/**
 * Kafka in k8s/ is closed as KafkaAccess says: one TLS + SCRAM listener, ACLs enforced, a KafkaUser per principal with
 * exactly the code's ACLs, and every service's clients configured (through the environment, as Spring Boot binds it)
 * to log in as its own principal over TLS.
 */
class KafkaAccessManifestsTest {

    private static final String KAFKA_CLIENT = "wedops.org/kafka-client";

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void theKafkaUsersGrantExactlyWhatKafkaAccessDefines(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        String cluster = rendered.ofKind("Kafka").get(0).getMetadata().getName();
        Map<String, Set<String>> declared = new TreeMap<>();
        for (HasMetadata user : rendered.ofKind("KafkaUser")) {
            Map<String, Object> spec = spec(user);
            String name = user.getMetadata().getName();
            assertThat(user.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", cluster);
            assertThat(path(spec, "authentication", "type")).as(name).isEqualTo("scram-sha-512");
            assertThat(path(spec, "authorization", "type")).as(name).isEqualTo("simple");
            Set<String> acls = new TreeSet<>();
            for (Map<String, Object> acl : listOf(path(spec, "authorization", "acls"))) {
                assertThat(acl.getOrDefault("type", "allow")).as(name).isEqualTo("allow");
                assertThat(acl.getOrDefault("host", "*")).as(name).isEqualTo("*");
                Map<?, ?> resource = (Map<?, ?>) acl.get("resource");
                String pattern = "prefix".equals(resource.get("patternType")) ? "PREFIXED" : "LITERAL";
                for (Object operation : (List<?>) acl.get("operations")) {
                    acls.add(String.join(" ", snake(String.valueOf(resource.get("type"))), String.valueOf(resource.get("name")), pattern,
                            snake(String.valueOf(operation))));
                }
            }
            declared.put(name, acls);
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        for (KafkaAccess.Principal principal : KafkaAccess.ALL) {
            expected.put(principal.name(), principal.acls().stream().map(KafkaAccessManifestsTest::describe).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(declared).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void theBrokerTakesOnlyTlsWithScramAndAuthorisesEveryRequest(String overlay) {
        Map<String, Object> kafka = spec(Rendered.of(overlay).ofKind("Kafka").get(0));
        assertThat(listOf(path(kafka, "kafka", "listeners"))).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.get("tls")).as(String.valueOf(listener.get("name"))).isEqualTo(true);
            assertThat(path(listener, "authentication", "type")).as(String.valueOf(listener.get("name"))).isEqualTo("scram-sha-512");
        });
        assertThat(path(kafka, "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat(path(kafka, "entityOperator", "userOperator")).as("the User Operator turns KafkaUsers into SCRAM users and ACLs").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyKafkaClientLogsInAsItsOwnPrincipalOverTlsAndCreatesNoTopic(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        HasMetadata cluster = rendered.ofKind("Kafka").get(0);
        Object port = listOf(path(spec(cluster), "kafka", "listeners")).get(0).get("port");
        Set<String> users = rendered.ofKind("KafkaUser").stream().map(u -> u.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> clients = new TreeSet<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, Object> environment = environment(rendered, deployment);
            if (!"true".equals(deployment.getSpec().getTemplate().getMetadata().getLabels().get(KAFKA_CLIENT))) {
                assertThat(environment.keySet()).as(name + " has no Kafka client").noneMatch(key -> key.contains("KAFKA"));
                continue;
            }
            clients.add(name);
            assertThat(environment).as(name).containsEntry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "secret " + name + "/sasl.jaas.config");
            assertThat(users).as("the KafkaUser whose Secret " + name + " reads").contains(name);
            KafkaProperties kafka = new Binder(ConfigurationPropertySource.from(new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
                    .bind("spring.kafka", KafkaProperties.class).get();
            // service-support copies wedops.kafka.bootstrap-servers into Spring Boot's; the gateway, which declares no
            // topic, has only Spring Boot's own
            String bootstrap = environment.containsKey("WEDOPS_KAFKA_BOOTSTRAPSERVERS")
                    ? String.valueOf(environment.get("WEDOPS_KAFKA_BOOTSTRAPSERVERS")) : String.join(",", kafka.getBootstrapServers());
            assertThat(bootstrap).as(name)
                    .isEqualTo(cluster.getMetadata().getName() + "-kafka-bootstrap." + cluster.getMetadata().getNamespace() + ".svc:" + port);
            Map<String, Object> client = kafka.buildProducerProperties();
            assertThat(client).as(name).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", "secret " + name + "/sasl.jaas.config")
                    .containsEntry("ssl.truststore.type", "PEM");
            assertThat(kafka.getAdmin().isAutoCreate()).as(name + " creates no topic: Strimzi's KafkaTopics do").isFalse();
            assertThat(caFileMountedAt(deployment, cluster.getMetadata().getName() + "-cluster-ca-cert"))
                    .as(name + ": the trust store is the cluster CA's certificate").contains(String.valueOf(client.get("ssl.truststore.location")));
        }
        assertThat(clients).isEqualTo(KafkaAccess.SERVICES.stream().map(KafkaAccess.Principal::name).collect(Collectors.toSet()));
    }

    /** The container's environment as the service sees it: ConfigMap values (whole or by key), and Secret references as "secret name/key". */
    private static Map<String, Object> environment(Rendered rendered, Deployment deployment) {
        Container app = only(deployment);
        Map<String, Object> environment = new HashMap<>();
        for (EnvFromSource from : app.getEnvFrom() == null ? List.<EnvFromSource>of() : app.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                environment.putAll(rendered.configMap(from.getConfigMapRef().getName()).getData());
            }
        }
        for (EnvVar env : app.getEnv() == null ? List.<EnvVar>of() : app.getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                environment.put(env.getName(), "secret " + env.getValueFrom().getSecretKeyRef().getName() + "/" + env.getValueFrom().getSecretKeyRef().getKey());
            } else if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                String value = rendered.configMap(env.getValueFrom().getConfigMapKeyRef().getName()).getData().get(env.getValueFrom().getConfigMapKeyRef().getKey());
                if (value != null) {
                    environment.put(env.getName(), value);
                }
            } else if (env.getValueFrom() == null) {
                environment.put(env.getName(), env.getValue());
            }
        }
        return environment;
    }

    /** Where the container sees the CA certificate of Secret {@code secret} (key ca.crt), if it mounts it. */
    private static Set<String> caFileMountedAt(Deployment deployment, String secret) {
        Set<String> files = new TreeSet<>();
        for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
            if (volume.getSecret() == null || !secret.equals(volume.getSecret().getSecretName())) {
                continue;
            }
            for (VolumeMount mount : only(deployment).getVolumeMounts()) {
                if (mount.getName().equals(volume.getName())) {
                    volume.getSecret().getItems().stream().filter(item -> item.getKey().equals("ca.crt"))
                            .forEach(item -> files.add(mount.getMountPath() + "/" + item.getPath()));
                }
            }
        }
        return files;
    }

    private static String describe(AclBinding acl) {
        return String.join(" ", acl.pattern().resourceType().name(), acl.pattern().name(), acl.pattern().patternType().name(),
                acl.entry().operation().name());
    }

    /** Strimzi's spelling (transactionalId, Read, DescribeConfigs) in Kafka's enum names (TRANSACTIONAL_ID, READ, DESCRIBE_CONFIGS). */
    static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
