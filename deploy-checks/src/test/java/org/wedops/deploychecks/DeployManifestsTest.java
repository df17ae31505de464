package org.wedops.deploychecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.wedops.events.Topics;
import org.wedops.events.Topics.TopicSpec;
import org.yaml.snakeyaml.Yaml;

/**
 * The overlays of k8s/, rendered by a real kubectl kustomize, checked as a cluster (and the services) would take them.
 */
class DeployManifestsTest {

    static final Map<String, Integer> PORTS = Map.of("gateway", 8080, "health-collector", 8081, "deployment-orchestrator", 8082,
            "scaling-planner", 8083, "apm-ingest", 8084, "alert-router", 8085);
    static final String NAME = "app.kubernetes.io/name";
    /** The actuator's own port (MANAGEMENT_SERVER_PORT) on every pod: probes and Prometheus, nothing else. */
    static final int MANAGEMENT_PORT = 9090;

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everyDocumentParsesIntoItsTypedModel(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        int documents = rendered.yaml().split("(?m)^---$").length;
        assertThat(rendered.items()).hasSize(documents);
        // the built-in kinds land in fabric8's typed classes; only the operators' custom resources stay generic
        Set<String> generic = rendered.items().stream().filter(i -> i instanceof GenericKubernetesResource)
                .map(i -> i.getApiVersion().replaceAll("/.*", "") + "/" + i.getKind()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(generic).isSubsetOf("kafka.strimzi.io/Kafka", "kafka.strimzi.io/KafkaNodePool", "kafka.strimzi.io/KafkaTopic",
                "kafka.strimzi.io/KafkaUser",
                "postgresql.cnpg.io/Cluster", "postgresql.cnpg.io/Database", "postgresql.cnpg.io/ScheduledBackup");
        assertThat(rendered.all(Deployment.class)).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        assertThat(rendered.all(Service.class)).hasSize(6);
        assertThat(rendered.all(ServiceAccount.class)).hasSize(6);
        assertThat(rendered.all(PodDisruptionBudget.class)).hasSize(6);
        assertThat(rendered.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("gateway", "apm-ingest");
        assertThat(rendered.all(Ingress.class)).singleElement().satisfies(ingress -> {
            assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                    .allSatisfy(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("gateway")));
            assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> assertThat(tls.getHosts())
                    .containsExactlyElementsOf(ingress.getSpec().getRules().stream().map(r -> r.getHost()).toList()));
        });
        // every namespaced object names a namespace that the overlay creates
        Set<String> namespaces = rendered.all(Namespace.class).stream().map(n -> n.getMetadata().getName()).collect(Collectors.toSet());
        assertThat(rendered.items()).filteredOn(i -> !(i instanceof Namespace || i instanceof PriorityClass))
                .allSatisfy(i -> assertThat(namespaces).as(i.getKind() + " " + i.getMetadata().getName()).contains(i.getMetadata().getNamespace()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void selectorsMatchPodLabelsAndServiceAndProbePortsMatchContainerPorts(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Container app = only(deployment);
            assertThat(app.getImage()).isEqualTo("wedops/" + name + ":0.1.0-SNAPSHOT");
            assertThat(app.getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(PORTS.get(name), MANAGEMENT_PORT);
            assertThat(app.getEnv()).filteredOn(e -> e.getName().equals("MANAGEMENT_SERVER_PORT"))
                    .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo(String.valueOf(MANAGEMENT_PORT)));
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus");

            List<Service> services = rendered.all(Service.class).stream()
                    .filter(s -> podLabels.entrySet().containsAll(s.getSpec().getSelector().entrySet())).toList();
            assertThat(services).as(name + "'s Service").singleElement().satisfies(service -> {
                assertThat(service.getMetadata().getName()).isEqualTo(name);
                assertThat(service.getSpec().getPorts()).allSatisfy(p -> {
                    assertThat(port(app, p.getTargetPort())).isEqualTo(PORTS.get(name));
                    assertThat(p.getPort()).isEqualTo(PORTS.get(name));
                });
            });
            assertThat(rendered.all(PodDisruptionBudget.class)).filteredOn(p -> podLabels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()))
                    .as(name + "'s PodDisruptionBudget").hasSize(1);
            deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()
                    .forEach(t -> assertThat(podLabels).containsAllEntriesOf(t.getLabelSelector().getMatchLabels()));

            assertProbe(app, app.getStartupProbe(), "/actuator/health/liveness", name);
            assertProbe(app, app.getLivenessProbe(), "/actuator/health/liveness", name);
            assertProbe(app, app.getReadinessProbe(), "/actuator/health/readiness", name);
        }
        for (HorizontalPodAutoscaler hpa : rendered.all(HorizontalPodAutoscaler.class)) {
            assertThat(rendered.find(Deployment.class, hpa.getSpec().getScaleTargetRef().getName())).isPresent();
            assertThat(hpa.getSpec().getMinReplicas()).isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        }
        for (Ingress ingress : rendered.all(Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                Service service = rendered.find(Service.class, path.getBackend().getService().getName()).orElseThrow();
                assertThat(service.getSpec().getPorts()).anyMatch(p -> p.getName().equals(path.getBackend().getService().getPort().getName()));
            }));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void podsRunAsNonRootOnAReadOnlyRootWithoutCapabilitiesAndOutliveTheirDrain(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container app = only(deployment);
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(app.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(app.getSecurityContext().getCapabilities().getAdd()).as(name).isNullOrEmpty();
            // the JVM and Netty need a writable /tmp on a read-only root
            assertThat(app.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp")
                    && pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
            assertThat(app.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(app.getResources().getLimits()).containsKeys("memory");
            assertThat(pod.getTopologySpreadConstraints()).extracting(t -> t.getTopologyKey())
                    .contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(pod.getPriorityClassName()).isEqualTo("wedops-critical");

            // SIGTERM comes after the preStop pause; Spring then drains for up to timeout-per-shutdown-phase
            Duration drain = DurationStyle.detectAndParse(String.valueOf(applicationYaml(rendered, deployment)
                    .getOrDefault("spring.lifecycle.timeout-per-shutdown-phase", "30s")));
            long preStop = app.getLifecycle().getPreStop().getSleep().getSeconds();
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name + ": grace period above preStop + drain")
                    .isGreaterThan(preStop + drain.toSeconds());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyEnvironmentVariableAndConfigKeyBindsToAPropertyTheServiceHas(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Map<String, List<String>> unbound = new TreeMap<>();
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            ServiceProperties properties = ServiceProperties.of(name);
            for (String variable : environment(rendered, deployment)) {
                if (!properties.bindsEnvironmentVariable(variable)) {
                    unbound.computeIfAbsent(name, n -> new ArrayList<>()).add(variable);
                }
            }
            for (String key : applicationYaml(rendered, deployment).keySet()) {
                if (!properties.bindsName(key)) {
                    unbound.computeIfAbsent(name, n -> new ArrayList<>()).add(key);
                }
            }
        }
        assertThat(unbound).as("environment variables and /config/application.yml keys that bind to no property").isEmpty();
    }

    @Test
    void theBindingCheckRefusesNamesNoServiceHas() {
        ServiceProperties planner = ServiceProperties.of("scaling-planner");
        assertThat(planner.bindsEnvironmentVariable("WEDOPS_KAFKA_REPLICATIONFACTOR")).isTrue();
        assertThat(planner.bindsEnvironmentVariable("WEDOPS_KAFKA_MININSYNCREPLICAS")).isTrue();
        assertThat(planner.bindsEnvironmentVariable("SPRING_R2DBC_PASSWORD")).isTrue();
        assertThat(planner.bindsEnvironmentVariable("SPRING_CONFIG_ADDITIONALLOCATION")).isTrue();
        assertThat(planner.bindsName("wedops.planner.scaling.services[0].namespace")).isTrue();
        assertThat(planner.bindsEnvironmentVariable("WEDOPS_KAFKA_REPLICATION")).isFalse();
        assertThat(planner.bindsEnvironmentVariable("WEDOPS_PLANNER_SCALING_APPLYY")).isFalse();
        assertThat(planner.bindsEnvironmentVariable("WEDOPS_HEALTH_KUBERNETES_ENABLED")).as("another service's property").isFalse();
        assertThat(planner.bindsName("wedops.planner.scaling.aply")).isFalse();
        ServiceProperties gateway = ServiceProperties.of("gateway");
        assertThat(gateway.bindsName("wedops.gateway.services.apm-ingest")).isTrue();
        assertThat(gateway.bindsEnvironmentVariable("WEDOPS_KAFKA_BOOTSTRAPSERVERS")).as("the gateway's Kafka is Spring Boot's own spring.kafka.*").isFalse();
        assertThat(gateway.bindsEnvironmentVariable("WEDOPS_SECURITY_ISSUERURI")).isTrue();
        assertThat(gateway.bindsEnvironmentVariable("WEDOPS_SECURITY_AUDIENCE")).isTrue();
        assertThat(gateway.bindsEnvironmentVariable("WEDOPS_SECURITY_SCRAPETOKEN")).isTrue();
        assertThat(gateway.bindsEnvironmentVariable("WEDOPS_SECURITY_AUDIENCES")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyReferencedServiceAccountSecretConfigMapAndPriorityClassExists(String overlay) throws IOException {
        Rendered rendered = Rendered.of(overlay);
        assertThat(rendered.all(Secret.class)).as("Secrets are referenced, never committed").isEmpty();
        Map<String, Set<String>> required = requiredSecrets(overlay.replace("overlays/", ""));
        Map<String, Set<String>> referenced = new TreeMap<>();
        Set<String> priorityClasses = rendered.all(PriorityClass.class).stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());

        for (Deployment deployment : rendered.all(Deployment.class)) {
            String ns = deployment.getMetadata().getNamespace();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(rendered.all(ServiceAccount.class)).anyMatch(sa -> sa.getMetadata().getName().equals(pod.getServiceAccountName())
                    && sa.getMetadata().getNamespace().equals(ns));
            assertThat(priorityClasses).contains(pod.getPriorityClassName());
            for (Volume volume : pod.getVolumes()) {
                if (volume.getConfigMap() != null) {
                    assertConfigMapKeys(rendered, volume.getConfigMap().getName(), ns, Set.of());
                }
                if (volume.getSecret() != null) {
                    referenced.computeIfAbsent(volume.getSecret().getSecretName(), n -> new TreeSet<>());
                }
            }
            for (Container container : pod.getContainers()) {
                for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
                    if (from.getConfigMapRef() != null) {
                        assertConfigMapKeys(rendered, from.getConfigMapRef().getName(), ns, Set.of());
                    }
                    assertThat(from.getSecretRef()).isNull();
                }
                for (EnvVar env : nullSafe(container.getEnv())) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    if (env.getValueFrom().getConfigMapKeyRef() != null) {
                        assertConfigMapKeys(rendered, env.getValueFrom().getConfigMapKeyRef().getName(), ns,
                                Set.of(env.getValueFrom().getConfigMapKeyRef().getKey()));
                    }
                    if (env.getValueFrom().getSecretKeyRef() != null) {
                        referenced.computeIfAbsent(env.getValueFrom().getSecretKeyRef().getName(), n -> new TreeSet<>())
                                .add(env.getValueFrom().getSecretKeyRef().getKey());
                    }
                }
            }
        }
        for (RoleBinding binding : rendered.all(RoleBinding.class)) {
            assertThat(rendered.find(Role.class, binding.getRoleRef().getName())).isPresent();
            binding.getSubjects().forEach(s -> assertThat(rendered.all(ServiceAccount.class)).anyMatch(sa -> sa.getMetadata().getName().equals(s.getName())
                    && sa.getMetadata().getNamespace().equals(s.getNamespace())));
        }
        for (Ingress ingress : rendered.all(Ingress.class)) {
            ingress.getSpec().getTls().forEach(tls -> referenced.computeIfAbsent(tls.getSecretName(), n -> new TreeSet<>()).addAll(Set.of("tls.crt", "tls.key")));
        }
        // the operators' custom resources: role passwords and backup credentials
        for (HasMetadata cluster : rendered.ofKind("Cluster")) {
            Map<String, Object> spec = spec(cluster);
            for (Map<String, Object> role : listOf(path(spec, "managed", "roles"))) {
                referenced.computeIfAbsent(String.valueOf(path(role, "passwordSecret", "name")), n -> new TreeSet<>()).addAll(Set.of("username", "password"));
            }
            Object credentials = path(spec, "backup", "barmanObjectStore", "s3Credentials");
            if (credentials instanceof Map<?, ?> s3) {
                for (Object ref : s3.values()) {
                    Map<?, ?> secretRef = (Map<?, ?>) ref;
                    referenced.computeIfAbsent(String.valueOf(secretRef.get("name")), n -> new TreeSet<>()).add(String.valueOf(secretRef.get("key")));
                }
            }
            Object priority = spec.get("priorityClassName");
            if (priority != null) {
                assertThat(priorityClasses).contains(priority.toString());
            }
        }
        for (HasMetadata kafka : rendered.ofKind("Kafka")) {
            assertThat(priorityClasses).contains(String.valueOf(path(spec(kafka), "kafka", "template", "pod", "priorityClassName")));
        }
        // Secrets Strimzi's operators write, nobody creates: one per KafkaUser and the cluster CA's certificate
        // (KafkaAccessManifestsTest checks what is read from them)
        rendered.ofKind("KafkaUser").forEach(user -> referenced.remove(user.getMetadata().getName()));
        rendered.ofKind("Kafka").forEach(kafka -> referenced.remove(kafka.getMetadata().getName() + "-cluster-ca-cert"));
        assertThat(referenced).as("Secrets referenced by k8s/" + overlay + " against k8s/secrets-required.yaml").isEqualTo(required);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void everyTopicHasItsKafkaTopicWithItsPartitionsCompactionAndDeadLetterTopic(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        Map<String, String> kafka = rendered.configMap("wedops-kafka").getData();
        int partitions = Integer.parseInt(kafka.get("WEDOPS_KAFKA_PARTITIONS"));
        int replicas = Integer.parseInt(kafka.get("WEDOPS_KAFKA_REPLICATIONFACTOR"));
        String minInsync = kafka.get("WEDOPS_KAFKA_MININSYNCREPLICAS");

        Map<String, Map<String, Object>> topics = new HashMap<>();
        for (HasMetadata topic : rendered.ofKind("KafkaTopic")) {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", rendered.ofKind("Kafka").get(0).getMetadata().getName());
            topics.put(String.valueOf(spec(topic).get("topicName")), spec(topic));
        }
        Set<String> expected = new LinkedHashSet<>();
        for (TopicSpec spec : Topics.ALL) {
            expected.add(spec.name());
            expected.add(spec.deadLetterTopic());
            assertTopic(topics.get(spec.name()), spec.name(), partitions, replicas, minInsync, spec.compacted());
            assertTopic(topics.get(spec.deadLetterTopic()), spec.deadLetterTopic(), partitions, replicas, minInsync, false);
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void productionRunsTwoOrMoreOfEverythingWithReplicationFactorThreeAndTheOidcIssuer() {
        Rendered production = Rendered.of("overlays/production");
        production.all(Deployment.class).forEach(d -> assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName()).isGreaterThanOrEqualTo(2));
        production.all(HorizontalPodAutoscaler.class).forEach(h -> assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
        Map<String, String> kafka = production.configMap("wedops-kafka").getData();
        assertThat(kafka).containsEntry("WEDOPS_KAFKA_REPLICATIONFACTOR", "3").containsEntry("WEDOPS_KAFKA_MININSYNCREPLICAS", "2");
        Map<String, Object> broker = spec(production.ofKind("Kafka").get(0));
        assertThat((Map<String, Object>) path(broker, "kafka", "config")).containsEntry("default.replication.factor", 3)
                .containsEntry("min.insync.replicas", 2).containsEntry("offsets.topic.replication.factor", 3)
                .containsEntry("transaction.state.log.replication.factor", 3).containsEntry("transaction.state.log.min.isr", 2);
        assertThat(spec(production.ofKind("KafkaNodePool").get(0)).get("replicas")).isEqualTo(3);
        for (Deployment deployment : production.all(Deployment.class)) {
            assertThat(environment(production, deployment)).as(deployment.getMetadata().getName())
                    .contains("WEDOPS_SECURITY_ISSUERURI", "WEDOPS_SECURITY_AUDIENCE").doesNotContain("WEDOPS_SECURITY_JWTSECRET");
            assertThat(only(deployment).getEnv()).filteredOn(e -> e.getName().equals("WEDOPS_SECURITY_MODE"))
                    .allSatisfy(e -> assertThat(e.getValue()).isEqualTo("issuer"));
        }
        Map<String, Object> db = spec(production.ofKind("Cluster").get(0));
        assertThat(db.get("instances")).isEqualTo(3);
        assertThat(String.valueOf(path(db, "backup", "barmanObjectStore", "destinationPath"))).startsWith("s3://");
        assertThat(path(db, "backup", "barmanObjectStore", "wal")).isNotNull();
        assertThat(production.ofKind("ScheduledBackup")).singleElement()
                .satisfies(b -> assertThat(path(spec(b), "cluster", "name")).isEqualTo(production.ofKind("Cluster").get(0).getMetadata().getName()));

        Rendered local = Rendered.of("overlays/local");
        local.all(Deployment.class).forEach(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
        for (Deployment deployment : local.all(Deployment.class)) {
            assertThat(environment(local, deployment)).contains("WEDOPS_SECURITY_JWTSECRET").doesNotContain("WEDOPS_SECURITY_ISSUERURI");
            assertThat(only(deployment).getEnv()).filteredOn(e -> e.getName().equals("WEDOPS_SECURITY_MODE"))
                    .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("local"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/local", "overlays/production"})
    void onlyTheGatewayReachesAServiceApiAndPrometheusOnlyTheActuatorPort(String overlay) {
        Rendered rendered = Rendered.of(overlay);
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        assertThat(policies).anySatisfy(p -> assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty());
        for (Deployment deployment : rendered.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> pod = deployment.getSpec().getTemplate().getMetadata().getLabels();
            int api = PORTS.get(name);
            for (NetworkPolicy policy : policies) {
                if (!selects(policy.getSpec().getPodSelector(), pod) || policy.getSpec().getIngress() == null) {
                    continue;
                }
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    List<Integer> ports = rule.getPorts() == null ? List.of() : rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList();
                    boolean opensApi = ports.isEmpty() || ports.contains(api);
                    if (!opensApi) {
                        assertThat(ports).as(name + ": " + policy.getMetadata().getName() + " opens only the actuator port").containsOnly(MANAGEMENT_PORT);
                        continue;
                    }
                    assertThat(rule.getFrom()).as(name + ": who " + policy.getMetadata().getName() + " lets reach the API port").isNotEmpty();
                    for (NetworkPolicyPeer from : rule.getFrom()) {
                        if (name.equals("gateway")) {
                            // the gateway's API is the ingress controller's to reach
                            assertThat(from.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
                        } else {
                            assertThat(from.getNamespaceSelector()).as(name + ": " + policy.getMetadata().getName()).isNull();
                            assertThat(from.getIpBlock()).isNull();
                            assertThat(from.getPodSelector().getMatchLabels()).as(name + ": " + policy.getMetadata().getName())
                                    .isEqualTo(Map.of(NAME, "gateway"));
                        }
                    }
                }
            }
        }
    }

    /** A label selector as the API server evaluates it: matchLabels and matchExpressions (In, NotIn, Exists). */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : nullSafe(selector.getMatchExpressions())) {
            String value = labels.get(requirement.getKey());
            boolean match = switch (requirement.getOperator()) {
                case "In" -> requirement.getValues().contains(value);
                case "NotIn" -> !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                default -> value == null;
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    @Test
    void rolesGrantOnlyWhatTheCodeCalls() {
        Rendered rendered = Rendered.of("overlays/production");
        Map<String, Set<String>> grants = new TreeMap<>();
        for (RoleBinding binding : rendered.all(RoleBinding.class)) {
            Role role = rendered.find(Role.class, binding.getRoleRef().getName()).orElseThrow();
            for (var subject : binding.getSubjects()) {
                for (PolicyRule rule : role.getRules()) {
                    for (String group : rule.getApiGroups()) {
                        for (String resource : rule.getResources()) {
                            for (String verb : rule.getVerbs()) {
                                grants.computeIfAbsent(subject.getName(), n -> new TreeSet<>())
                                        .add(role.getMetadata().getNamespace() + ":" + group + "/" + resource + ":" + verb);
                            }
                        }
                    }
                }
            }
        }
        assertThat(rendered.ofKind("ClusterRole")).isEmpty();
        assertThat(rendered.ofKind("ClusterRoleBinding")).isEmpty();
        assertThat(grants).isEqualTo(Map.of(
                "scaling-planner", Set.of("wedding-apps:apps/deployments:get", "wedding-apps:apps/deployments/scale:get",
                        "wedding-apps:apps/deployments/scale:update", "wedding-apps:apps/deployments/scale:patch",
                        "wedding-apps:autoscaling/horizontalpodautoscalers:get", "wedding-apps:autoscaling/horizontalpodautoscalers:patch"),
                "health-collector", Set.of("wedding-apps:/pods:get", "wedding-apps:/pods:list", "wedding-apps:/pods:watch", "wedding-apps:/pods:delete",
                        "wedding-apps:metrics.k8s.io/pods:get", "wedding-apps:metrics.k8s.io/pods:list"),
                "deployment-orchestrator", Set.of("wedding-apps:apps/deployments:get", "wedding-apps:apps/deployments:patch",
                        "wedding-apps:batch/jobs:get", "wedding-apps:batch/jobs:create")));
        // only the three that call the API get a token
        for (Deployment deployment : rendered.all(Deployment.class)) {
            boolean calls = grants.containsKey(deployment.getMetadata().getName());
            assertThat(deployment.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).as(deployment.getMetadata().getName()).isEqualTo(calls);
        }
    }

    @Test
    void thePriorityClassIsNeverPrunedWithTheWorkloads() {
        PriorityClass priority = Rendered.of("overlays/production").all(PriorityClass.class).get(0);
        assertThat(priority.getMetadata().getNamespace()).isNull();
        assertThat(priority.getMetadata().getAnnotations()).containsEntry("kustomize.toolkit.fluxcd.io/prune", "disabled")
                .containsEntry("argocd.argoproj.io/sync-options", "Delete=false,Prune=false");
        assertThat(priority.getGlobalDefault()).isFalse();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void assertTopic(Map<String, Object> topic, String name, int partitions, int replicas, String minInsync, boolean compacted) {
        assertThat(topic).as("KafkaTopic " + name).isNotNull();
        assertThat(topic.get("partitions")).as(name).isEqualTo(partitions);
        assertThat(topic.get("replicas")).as(name).isEqualTo(replicas);
        Map<String, Object> config = (Map<String, Object>) topic.get("config");
        assertThat(config).as(name).containsEntry("min.insync.replicas", minInsync);
        if (compacted) {
            assertThat(config).as(name).containsEntry("cleanup.policy", "compact");
        } else {
            assertThat(config.getOrDefault("cleanup.policy", "delete")).as(name).isEqualTo("delete");
        }
    }

    static Container only(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static void assertProbe(Container app, Probe probe, String path, String name) {
        assertThat(probe).as(name + " probe " + path).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(name).isEqualTo(path);
        assertThat(port(app, get.getPort())).as(name + " probe port").isEqualTo(MANAGEMENT_PORT);
    }

    /** A port by number or by the container port's name, as the kubelet resolves it; null when the container has none. */
    private static Integer port(Container container, IntOrString port) {
        return container.getPorts().stream()
                .filter(p -> port.getIntVal() != null ? p.getContainerPort().equals(port.getIntVal()) : port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    /** Every variable the container gets: env, and the keys of envFrom ConfigMaps. */
    static Set<String> environment(Rendered rendered, Deployment deployment) {
        Set<String> names = new TreeSet<>();
        Container app = only(deployment);
        nullSafe(app.getEnv()).forEach(e -> names.add(e.getName()));
        for (EnvFromSource from : nullSafe(app.getEnvFrom())) {
            if (from.getConfigMapRef() != null) {
                names.addAll(rendered.configMap(from.getConfigMapRef().getName()).getData().keySet());
            }
        }
        return names;
    }

    /** The properties of the application.yml mounted at /config/ (SPRING_CONFIG_ADDITIONALLOCATION), flattened. */
    static Map<String, Object> applicationYaml(Rendered rendered, Deployment deployment) {
        Container app = only(deployment);
        Map<String, Object> properties = new TreeMap<>();
        for (var mount : app.getVolumeMounts()) {
            if (!mount.getMountPath().equals("/config")) {
                continue;
            }
            Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            ConfigMap map = rendered.configMap(volume.getConfigMap().getName());
            String yaml = map.getData().get("application.yml");
            assertThat(yaml).as("application.yml in ConfigMap " + map.getMetadata().getName()).isNotNull();
            try {
                for (var source : new YamlPropertySourceLoader().load("config", new ByteArrayResource(yaml.getBytes()))) {
                    EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
                    for (String name : enumerable.getPropertyNames()) {
                        properties.put(name, enumerable.getProperty(name));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(environment(rendered, deployment)).contains("SPRING_CONFIG_ADDITIONALLOCATION");
        assertThat(app.getEnv()).filteredOn(e -> e.getName().equals("SPRING_CONFIG_ADDITIONALLOCATION"))
                .singleElement().satisfies(e -> assertThat(e.getValue()).isEqualTo("optional:file:/config/"));
        return properties;
    }

    private static void assertConfigMapKeys(Rendered rendered, String name, String namespace, Set<String> keys) {
        ConfigMap map = rendered.configMap(name);
        assertThat(map.getMetadata().getNamespace()).isEqualTo(namespace);
        assertThat(map.getData()).isNotEmpty();
        keys.forEach(key -> assertThat(map.getData()).as("ConfigMap " + name).containsKey(key));
    }

    private static Map<String, Set<String>> requiredSecrets(String overlay) throws IOException {
        List<Map<String, Object>> entries = new Yaml().load(Files.readString(Rendered.ROOT.resolve("k8s/secrets-required.yaml")));
        Map<String, Set<String>> required = new TreeMap<>();
        for (Map<String, Object> entry : entries) {
            if (((List<String>) entry.get("overlays")).contains(overlay)) {
                required.put((String) entry.get("name"), new TreeSet<>((List<String>) entry.get("keys")));
            }
        }
        return required;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(HasMetadata resource) {
        return (Map<String, Object>) ((GenericKubernetesResource) resource).getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
